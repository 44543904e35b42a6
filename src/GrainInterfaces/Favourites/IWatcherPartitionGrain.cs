using EShop.Shared;

namespace EShop.Favourites;

/// <summary>One partition of a product's watchers (key: "SKU/partition"); see <see cref="IProductWatchersGrain"/>.</summary>
[Alias("eshop.favourites.IWatcherPartitionGrain")]
public interface IWatcherPartitionGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task AddAsync(Guid customerId);

    [Alias("Remove")]
    Task RemoveAsync(Guid customerId);

    /// <summary>Delivers the notification to every watcher's inbox.</summary>
    [Alias("Notify")]
    Task NotifyAsync(Notification notification);

    [ReadOnly, Alias("Count")]
    Task<int> CountAsync();

    static string KeyOf(string productId, int partition) => $"{productId}/{partition}";

    static int Of(Guid customerId) => Shared.Partitions.Of(customerId, IProductWatchersGrain.Partitions);
}
