using System.Collections.Immutable;
using EShop.Catalog;

namespace EShop.Favourites;

// A recommendation being filled: candidates in rank order, each kept only when the catalog lists it (not removed) with stock, it is
// not excluded (the product asked about, what the customer has), not picked already, and (when categories are given)
// still in one of them.
internal sealed class Picks(int first, IEnumerable<string> excluded)
{
    private readonly HashSet<string> _taken = new(excluded, StringComparer.Ordinal);
    private readonly List<ProductSnapshot> _picked = [];

    public bool Full => _picked.Count >= first;

    public bool Empty => _picked.Count == 0;

    public async Task AddAsync(ICatalogGrain catalog, IEnumerable<string> candidates, IReadOnlyCollection<string>? categoryIds = null)
    {
        var ids = candidates.Where(id => !_taken.Contains(id)).ToImmutableArray();
        if (Full || ids.IsEmpty)
        {
            return;
        }

        var listed = (await catalog.GetListedProductsAsync(ids)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (Full)
            {
                return;
            }

            if (listed.TryGetValue(id, out var product) && product.Stock > 0 && (categoryIds is null || categoryIds.Contains(product.CategoryId)) && _taken.Add(id))
            {
                _picked.Add(product);
            }
        }
    }

    public ImmutableArray<ProductSnapshot> ToImmutable() => [.. _picked];
}
