using EShop.Catalog.Events;
using EShop.Shared;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.Streams;

namespace EShop.Favourites;

// The product's partitions in use are stored here; the watchers themselves live in the partitions, which favourites add
// to directly. An implicit subscriber of the catalog stream, keyed like it by SKU: every product's events reach it
// without anyone subscribing it.
[ImplicitStreamSubscription(StreamNames.Catalog), GrainType("eshop.favourites.product-watchers")]
public sealed class ProductWatchersGrain([FromKeyedServices(StorageNames.Favourites)] IGrainStorage storage, IGrainFactory grains) : Grain, IProductWatchersGrain
{
    // Read on first use, not on activation: every product's first catalog event activates this grain (loading a
    // 100,000-product catalog activates 100,000 of them), and a new product or a sale is no news, so most never
    // need their partitions.
    private Task<IStorage<SortedSet<int>>>? _partitions;

    private string ProductId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(StreamNames.Provider).GetStream<CatalogEvent>(StreamId.Create(StreamNames.Catalog, ProductId));
        await stream.SubscribeAsync((e, _) => OnCatalogEventAsync(e));
    }

    public async Task<bool> InUseAsync(int partition) => (await PartitionsAsync()).State.Contains(partition);

    public async Task UseAsync(int partition)
    {
        var partitions = await PartitionsAsync();
        if (partitions.State.Add(partition))
        {
            await partitions.WriteStateAsync();
        }
    }

    public async Task<int> CountAsync() => (await Task.WhenAll((await PartitionsAsync()).State.Select(p => Partition(p).CountAsync()))).Sum();

    private async Task OnCatalogEventAsync(CatalogEvent e)
    {
        if (ProductNews.Of(e) is not { } notification)
        {
            return;
        }

        // Awaited, so a failed delivery fails the event and the stream delivers it again; inboxes ignore repeats. The
        // partitions are copied before the first await after reading them: InUseAsync interleaves, UseAsync does not.
        var partitions = (await PartitionsAsync()).State.ToList();
        await Task.WhenAll(partitions.Select(p => Partition(p).NotifyAsync(notification)));
    }

    // Callers that interleave share one read: the activation reads its state once.
    private Task<IStorage<SortedSet<int>>> PartitionsAsync() => _partitions ??= ReadPartitionsAsync();

    private async Task<IStorage<SortedSet<int>>> ReadPartitionsAsync()
    {
        var partitions = new StateStorageBridge<SortedSet<int>>(StateNames.WatchedPartitions, GrainContext, storage);
        try
        {
            await partitions.ReadStateAsync();
        }
        catch
        {
            // The failed read is cached in _partitions: the next activation reads again.
            DeactivateOnIdle();
            throw;
        }

        return partitions;
    }

    private IWatcherPartitionGrain Partition(int partition) =>
        grains.GetGrain<IWatcherPartitionGrain>(IWatcherPartitionGrain.KeyOf(ProductId, partition));
}
