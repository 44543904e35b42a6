namespace EShop.Favourites;

/// <summary>
/// The co-purchase model's entry for one product (key: SKU), projected from the purchase log. A purchase is counted
/// once: the grain remembers, per log partition, the last position it counted.
/// </summary>
[Alias("eshop.favourites.ICoPurchaseGrain")]
public interface ICoPurchaseGrain : IGrainWithStringKey
{
    /// <summary>Counts a purchase that has this product among its items, unless its position is already counted.</summary>
    [Alias("Apply")]
    Task ApplyAsync(LogPosition position, Purchase purchase);

    /// <summary>Replaces the entry with one rebuilt from the log up to <paramref name="positions"/> (per partition).</summary>
    [Alias("Replace")]
    Task ReplaceAsync(long unitsSold, IReadOnlyDictionary<string, long> partners, IReadOnlyDictionary<int, long> positions);

    [ReadOnly, Alias("Get")]
    Task<CoPurchases> GetAsync();
}
