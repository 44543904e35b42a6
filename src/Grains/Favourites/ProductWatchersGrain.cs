using EShop.Catalog.Events;
using EShop.Shared;
using Orleans.Runtime;
using Orleans.Streams;

namespace EShop.Favourites;

// The product's partitions in use are stored here; the watchers themselves live in the partitions, which favourites add
// to directly. An implicit subscriber of the catalog's offers stream, keyed like it by SKU: every product's price drops
// and returns to stock reach it without anyone subscribing it, and nothing else does. (On the whole catalog stream,
// loading a 100,000-product catalog activated 100,000 of these, each reading its state, for events that were no news:
// about a sixth of the silo's CPU while it loaded.)
[ImplicitStreamSubscription(StreamNames.CatalogOffers), GrainType("eshop.favourites.product-watchers")]
public sealed class ProductWatchersGrain(
    [PersistentState(StateNames.WatchedPartitions, StorageNames.Favourites)] IPersistentState<SortedSet<int>> partitions,
    IGrainFactory grains) : Grain, IProductWatchersGrain
{
    private string ProductId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(StreamNames.Provider).GetStream<CatalogEvent>(StreamId.Create(StreamNames.CatalogOffers, ProductId));
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
