using System.Collections.Immutable;
using EShop.Catalog.Events;
using EShop.Shared;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace EShop.Catalog;

// Reads one product's recent events where ProductHistoryFeedGrain records them: this grain's own grain-state record
// (the record it kept when it was the stream's consumer itself, so the histories recorded then read on). It keeps no
// copy, since the feed writes without it.
[GrainType(TypeName)]
public sealed class ProductHistoryGrain([FromKeyedServices(StorageNames.Catalog)] IGrainStorage storage) : Grain, IProductHistoryGrain
{
    public const int Capacity = 100;

    private const string TypeName = "eshop.catalog.product-history";

    public async Task<ImmutableArray<ProductHistoryEntry>> GetAsync() => [.. (await ReadAsync(storage, this.GetPrimaryKeyString())).State!];

    internal static async Task<GrainState<List<ProductHistoryEntry>>> ReadAsync(IGrainStorage storage, string productId)
    {
        var history = new GrainState<List<ProductHistoryEntry>>([]);
        await storage.ReadStateAsync(StateNames.ProductHistory, Of(productId), history);
        history.State ??= [];
        return history;
    }

    internal static Task WriteAsync(IGrainStorage storage, string productId, GrainState<List<ProductHistoryEntry>> history) =>
        storage.WriteStateAsync(StateNames.ProductHistory, Of(productId), history);

    // Adds the events the history does not hold, in version order, keeping the newest Capacity. One change can make
    // several events (an upsert: ProductUpdated and PriceChanged), all at one version, so an event is identified by
    // its version and type. False when every event was recorded already (a redelivery).
    internal static bool Record(List<ProductHistoryEntry> history, IEnumerable<CatalogEvent> events)
    {
        var added = false;
        foreach (var e in events)
        {
            var type = e.GetType().Name;
            if (history.Any(h => h.Version == e.Version && h.Type == type))
            {
                continue;
            }

            history.Insert(history.FindLastIndex(h => h.Version <= e.Version) + 1, new ProductHistoryEntry(e.Version, type, e.At, Describe(e)));
            if (history.Count > Capacity)
            {
                history.RemoveAt(0);
            }

            added = true;
        }

        return added;
    }

    private static GrainId Of(string productId) => GrainId.Create(TypeName, productId);

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
