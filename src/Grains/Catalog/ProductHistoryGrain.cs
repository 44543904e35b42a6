using System.Collections.Immutable;
using EShop.Catalog.Events;
using EShop.Shared;
using Orleans.Runtime;
using Orleans.Streams;

namespace EShop.Catalog;

// Keeps the last Capacity events of one product. Implicitly subscribed, so every product's stream has this consumer
// without anyone subscribing it; a redelivered event is recorded once.
[ImplicitStreamSubscription(StreamNames.Catalog), GrainType("eshop.catalog.product-history")]
public sealed class ProductHistoryGrain(
    [PersistentState(StateNames.ProductHistory, StorageNames.Catalog)] IPersistentState<List<ProductHistoryEntry>> history) : Grain, IProductHistoryGrain
{
    public const int Capacity = 100;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(StreamNames.Provider)
            .GetStream<CatalogEvent>(StreamId.Create(StreamNames.Catalog, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((e, _) => RecordAsync(e));
    }

    public Task<ImmutableArray<ProductHistoryEntry>> GetAsync() => Task.FromResult(history.State.ToImmutableArray());

    private async Task RecordAsync(CatalogEvent e)
    {
        // One change can make several events (an upsert: ProductUpdated and PriceChanged), all at one version, so an
        // event is identified by its version and type.
        var type = e.GetType().Name;
        if (history.State.Any(h => h.Version == e.Version && h.Type == type))
        {
            return;
        }

        var entry = new ProductHistoryEntry(e.Version, type, e.At, Describe(e));
        var index = history.State.FindLastIndex(h => h.Version <= e.Version) + 1;
        history.State.Insert(index, entry);
        if (history.State.Count > Capacity)
        {
            history.State.RemoveAt(0);
        }

        await history.WriteStateAsync();
    }

    private static string Describe(CatalogEvent e) => e switch
    {
        ProductCreated c => $"created at {c.Product.Price} with {c.Product.Stock} in stock",
        ProductUpdated u => $"details changed: {u.Product.Name} in {u.Product.CategoryId}",
        ProductRemoved => "removed from the catalog",
        PriceChanged p => $"sale price {p.PreviousSalePrice} -> {p.Product.SalePrice}",
        StockChanged s => $"{s.Reason} {s.Delta:+#;-#;0} -> {s.Product.Stock}",
        _ => e.GetType().Name,
    };
}
