using System.Collections.Immutable;
using EShop.Catalog.Events;
using EShop.Shared;

namespace EShop.Catalog;

[GrainType("eshop.catalog.product-partition")]
public sealed class ProductPartitionGrain(
    [PersistentState(StateNames.ProductPartition, StorageNames.Catalog)] IPersistentState<ProductPartitionState> state,
    IGrainFactory grains,
    TimeProvider time) : Grain, IProductPartitionGrain
{
    private readonly Dictionary<string, ProductSnapshot> _products = new(StringComparer.Ordinal);
    private readonly CatalogViewSubscribers _views = new(time);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var snapshots = await Task.WhenAll(state.State.ProductIds.Select(id => grains.GetGrain<IProductGrain>(id).GetAsync()));
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
        if (changes.Any(c => !state.State.ProductIds.Contains(c.ProductId)))
        {
            state.State.ProductIds.UnionWith(changes.Select(c => c.ProductId));
            await state.WriteOrDeactivateAsync(this);
        }

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
        await this.PublishAsync(StreamNames.Catalog, changes, c => c.ProductId);
        await this.PublishAsync(StreamNames.CatalogOffers, changes.Where(c => c.IsOffer), c => c.ProductId);
    }

    public Task<ImmutableArray<ProductSnapshot>> SubscribeAsync(ICatalogViewObserver view) =>
        Task.FromResult<ImmutableArray<ProductSnapshot>>(_views.Add(view) ? [.. _products.Values] : []);

    public Task UnsubscribeAsync(ICatalogViewObserver view)
    {
        _views.Remove(view);
        return Task.CompletedTask;
    }
}
