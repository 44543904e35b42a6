using System.Collections.Immutable;

namespace EShop.Catalog;

// Filters, ranks and pages the catalog view. Every sort ends on the SKU, so pages never shuffle.
public static class ProductSearch
{
    public static ProductPage Run(IEnumerable<ProductSnapshot> products, ProductQuery query)
    {
        var terms = (query.Search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var matches = products
            .Where(p => query.CategoryId is null || p.CategoryId == query.CategoryId)
            .Where(p => query.MinPrice is null || p.SalePrice >= query.MinPrice)
            .Where(p => query.MaxPrice is null || p.SalePrice <= query.MaxPrice)
            .Where(p => query.InStock is null || (p.Stock > 0) == query.InStock)
            .Select(p => (Product: p, Score: Score(p, terms)))
            .Where(m => m.Score > 0 || terms.Length == 0)
            .ToList();

        IOrderedEnumerable<(ProductSnapshot Product, int Score)> sorted = query.Sort switch
        {
            ProductSort.PriceAsc => matches.OrderBy(m => m.Product.SalePrice),
            ProductSort.PriceDesc => matches.OrderByDescending(m => m.Product.SalePrice),
            ProductSort.Newest => matches.OrderByDescending(m => m.Product.CreatedAt),
            ProductSort.Relevance => matches.OrderByDescending(m => m.Score),
            ProductSort.Name => matches.OrderBy(m => 0),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Sort, "Unknown sort."),
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

    // 0 unless every term is in the name or description; a term at the start of the name counts most.
    private static int Score(ProductSnapshot product, string[] terms)
    {
        var score = 0;
        foreach (var term in terms)
        {
            var points =
                product.Name.StartsWith(term, StringComparison.OrdinalIgnoreCase) ? 3
                : product.Name.Contains(term, StringComparison.OrdinalIgnoreCase) ? 2
                : product.Description.Contains(term, StringComparison.OrdinalIgnoreCase) ? 1
                : 0;
            if (points == 0)
            {
                return 0;
            }

            score += points;
        }

        return score;
    }
}
