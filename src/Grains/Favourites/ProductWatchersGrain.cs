using EShop.Catalog.Events;
using EShop.Shared;
using Orleans.Runtime;
using Orleans.Streams;

namespace EShop.Favourites;

// The product's partitions in use are stored here; the watchers themselves live in the partitions, which favourites add
// to directly. An implicit subscriber of the catalog stream, keyed like it by SKU: every product's events reach it
// without anyone subscribing it.
[ImplicitStreamSubscription(StreamNames.Catalog), GrainType("eshop.favourites.product-watchers")]
public sealed class ProductWatchersGrain(
    [PersistentState(StateNames.WatchedPartitions, StorageNames.Favourites)] IPersistentState<SortedSet<int>> partitions,
    IGrainFactory grains) : Grain, IProductWatchersGrain
{
    private string ProductId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(StreamNames.Provider).GetStream<CatalogEvent>(StreamId.Create(StreamNames.Catalog, ProductId));
        await stream.SubscribeAsync((e, _) => OnCatalogEventAsync(e));
    }

    public Task<bool> InUseAsync(int partition) => Task.FromResult(partitions.State.Contains(partition));

    public async Task UseAsync(int partition)
    {
        if (partitions.State.Add(partition))
        {
            await partitions.WriteStateAsync();
        }
    }

    public async Task<int> CountAsync() => (await Task.WhenAll(partitions.State.Select(p => Partition(p).CountAsync()))).Sum();

    private async Task OnCatalogEventAsync(CatalogEvent e)
    {
        // Most catalog events (every sale) are no news. The activation stays for the next one: every sale of the
        // product comes here, and reading the partitions again for each would cost more than keeping them.
        if (ProductNews.Of(e) is not { } notification || partitions.State.Count == 0)
        {
            return;
        }

        // Awaited, so a failed delivery fails the event and the stream delivers it again; inboxes ignore repeats. The
        // partitions are read before the first await: InUseAsync interleaves, UseAsync does not.
        await Task.WhenAll(partitions.State.Select(p => Partition(p).NotifyAsync(notification)).ToList());
    }

    private IWatcherPartitionGrain Partition(int partition) =>
        grains.GetGrain<IWatcherPartitionGrain>(IWatcherPartitionGrain.KeyOf(ProductId, partition));
}
