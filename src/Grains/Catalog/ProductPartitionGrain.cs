using System.Collections.Immutable;
using EShop.Catalog.Events;
using EShop.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace EShop.Catalog;

// Which products the shard holds is its event log (ProductsListed, one row per batch of new products on PostgreSQL),
// read when it activates: taking on products appends their ids, where the whole list as one grain-state value was
// rewritten (6,355 writes of 24 KB on average while 100,008 products loaded, 48 KB at the end). A list stored that way
// before is still read, and never written again.
[GrainType("eshop.catalog.product-partition")]
public sealed class ProductPartitionGrain(
    [PersistentState(StateNames.ProductPartition, StorageNames.Catalog)] IPersistentState<ProductPartitionState> earlier,
    [FromKeyedServices(StorageNames.Catalog)] IEventLog log,
    IGrainFactory grains,
    TimeProvider time) : Grain, IProductPartitionGrain
{
    private readonly Dictionary<string, ProductSnapshot> _products = new(StringComparer.Ordinal);
    private readonly CatalogViewSubscribers _views = new(time);
    private readonly HashSet<string> _productIds = new(StringComparer.Ordinal);
    private OwnEventLog<ProductsListed>? _log;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _log = new OwnEventLog<ProductsListed>(log, this.GetGrainId());
        _productIds.UnionWith(earlier.State.ProductIds);
        List(await _log.ReadAsync());
        var snapshots = await Task.WhenAll(_productIds.Select(id => grains.GetGrain<IProductGrain>(id).GetAsync()));
        foreach (var snapshot in snapshots.OfType<ProductSnapshot>())
        {
            _products[snapshot.Id] = snapshot;
        }
    }

    // The events go out while the shard writes its product list: only the views wait for that write.
    public Task CommitAsync(ImmutableArray<CatalogEvent> changes) => Task.WhenAll(ShowAsync(changes), PublishEventsAsync(changes));

    private async Task ShowAsync(ImmutableArray<CatalogEvent> changes)
    {
        // A product is remembered before any view shows it, so no view shows one that a restart would forget.
        await ListAsync(changes.Select(c => c.ProductId));

        var newer = new Dictionary<string, ProductSnapshot>(StringComparer.Ordinal);
        foreach (var product in changes.Select(c => c.Product))
        {
            if (!_products.TryGetValue(product.Id, out var held) || held.Version < product.Version)
            {
                _products[product.Id] = newer[product.Id] = product;
            }
        }

        if (newer.Count > 0)
        {
            ImmutableArray<ProductSnapshot> sent = [.. newer.Values];
            await _views.NotifyAsync(view => view.ProductsChangedAsync(sent));
        }
    }

    private async Task PublishEventsAsync(ImmutableArray<CatalogEvent> changes)
    {
        await this.PublishAsync(StreamNames.Catalog, changes, c => IProductPartitionGrain.StreamKey(c.ProductId));
        await this.PublishAsync(StreamNames.CatalogOffers, changes.Where(c => c.IsOffer), c => c.ProductId);
    }

    private Task ListAsync(IEnumerable<string> productIds) => _log!.AppendMissingAsync(
        () => productIds.Where(id => !_productIds.Contains(id)).Distinct().ToImmutableArray() is { Length: > 0 } added ? new ProductsListed(added) : null,
        listed => _productIds.UnionWith(listed.ProductIds),
        List);

    private void List(IReadOnlyList<ProductsListed> logged) => _productIds.UnionWith(logged.SelectMany(e => e.ProductIds));

    public Task<ImmutableArray<ProductSnapshot>> SubscribeAsync(ICatalogViewObserver view) =>
        Task.FromResult<ImmutableArray<ProductSnapshot>>(_views.Add(view) ? [.. _products.Values] : []);

    public Task UnsubscribeAsync(ICatalogViewObserver view)
    {
        _views.Remove(view);
        return Task.CompletedTask;
    }
}
