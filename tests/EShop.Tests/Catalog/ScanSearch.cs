using System.Collections.Immutable;
using EShop.Catalog;

namespace EShop.Tests.Catalog;

// The catalog search written as plainly as it can be: filter every product, score it, sort all matches, page. The
// index must answer exactly as this does.
internal static class ScanSearch
{
    public static ProductPage Run(IEnumerable<ProductSnapshot> products, ProductQuery query)
    {
        var words = ProductQuery.Terms(query.Search).Select(ProductSearch.Normalize).ToArray();
        var matches = products
            .Where(p => query.CategoryId is null || p.CategoryId == query.CategoryId)
            .Where(p => query.MinPrice is null || p.SalePrice >= query.MinPrice)
            .Where(p => query.MaxPrice is null || p.SalePrice <= query.MaxPrice)
            .Where(p => query.InStock is null || (p.Stock > 0) == query.InStock)
            .Select(p => (Product: p, Points: words.Select(w => ProductSearch.Points(ProductSearch.Normalize(p.Name), ProductSearch.Normalize(p.Description), w)).ToList()))
            .Where(m => !m.Points.Contains(0))
            .Select(m => (m.Product, Score: m.Points.Sum()))
            .ToList();

        IOrderedEnumerable<(ProductSnapshot Product, int Score)> sorted = query.Sort switch
        {
            ProductSort.PriceAsc => matches.OrderBy(m => m.Product.SalePrice),
            ProductSort.PriceDesc => matches.OrderByDescending(m => m.Product.SalePrice),
            ProductSort.Newest => matches.OrderByDescending(m => m.Product.CreatedAt),
            ProductSort.Relevance => matches.OrderByDescending(m => m.Score),
            _ => matches.OrderBy(m => 0),
        };
        var page = sorted
            .ThenBy(m => m.Product.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(m => m.Product.Id, StringComparer.Ordinal)
            .Skip(query.Offset)
            .Take(query.Limit)
            .Select(m => m.Product)
            .ToImmutableArray();
        return new ProductPage(page, query.Offset, matches.Count);
    }
}
