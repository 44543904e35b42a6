namespace EShop.Favourites;

/// <summary>
/// Who watches one product (key: SKU). The watchers are spread over up to <see cref="Partitions"/> partition grains
/// by customer, so a best seller's hundred thousand watchers make neither one huge row nor one slow activation. An
/// implicit subscriber of the catalog stream: a price drop or a return to stock fans out to every watcher's inbox.
/// </summary>
[Alias("eshop.favourites.IProductWatchersGrain")]
public interface IProductWatchersGrain : IGrainWithStringKey
{
    const int Partitions = 64;

    [Alias("Watch")]
    Task WatchAsync(Guid customerId);

    [Alias("Unwatch")]
    Task UnwatchAsync(Guid customerId);

    /// <summary>How many customers watch the product, over every partition.</summary>
    [ReadOnly, Alias("Count")]
    Task<int> CountAsync();
}
