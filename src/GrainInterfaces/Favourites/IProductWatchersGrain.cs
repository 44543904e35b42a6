namespace EShop.Favourites;

/// <summary>
/// Who watches one product (key: SKU). The watchers are spread over up to <see cref="Partitions"/> partition grains
/// by customer, so a best seller's hundred thousand watchers make neither one huge row nor one slow activation; this
/// grain keeps which partitions are in use. An implicit subscriber of the catalog stream: a price drop or a return to
/// stock fans out from here to every partition.
/// </summary>
[Alias("eshop.favourites.IProductWatchersGrain")]
public interface IProductWatchersGrain : IGrainWithStringKey
{
    const int Partitions = 64;

    /// <summary>
    /// Whether the partition is in use. Answered even during a fan-out (it reads a set that only grows), so adding a
    /// favourite does not wait behind a best seller's notifications.
    /// </summary>
    [ReadOnly, AlwaysInterleave, Alias("InUse")]
    Task<bool> InUseAsync(int partition);

    /// <summary>Marks the partition in use, before its first watcher is added: a fan-out never misses a watcher.</summary>
    [Alias("Use")]
    Task UseAsync(int partition);

    /// <summary>How many customers watch the product, over every partition.</summary>
    [ReadOnly, Alias("Count")]
    Task<int> CountAsync();
}
