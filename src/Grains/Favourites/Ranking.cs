using System.Collections.Immutable;

namespace EShop.Favourites;

// The order every ranking of the recommendations uses: the higher count first, then the SKU, so equal counts always
// come out the same way.
public static class Ranking
{
    public static ImmutableArray<ProductCount> Top(IEnumerable<KeyValuePair<string, long>> counts, int count) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(count).Select(c => new ProductCount(c.Key, c.Value))];
}
