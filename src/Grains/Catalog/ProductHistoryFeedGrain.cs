using EShop.Catalog.Events;
using EShop.Shared;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.Streams;

namespace EShop.Catalog;

// Records the catalog's events in the products' histories. An implicit subscriber keyed like the catalog stream, by
// shard; a message published keyed by SKU, as the stream was keyed before, activates one keyed by that SKU, which
// records it the same way. It writes each product's history record itself, all the products of a message at once, so
// that a bulk import's records share the storage's statements and no grain or stream is set up per product: a
// history grain per product, activated by a stream per product, took about half of a 100,008-product load.
[ImplicitStreamSubscription(StreamNames.Catalog), GrainType("eshop.catalog.product-history-feed")]
public sealed class ProductHistoryFeedGrain([FromKeyedServices(StorageNames.Catalog)] IGrainStorage storage) : Grain, IProductHistoryFeedGrain
{
    // Records this activation last read or wrote, so a product that sells often is not read at every sale; cleared
    // when full, which bounds the memory (a record holds up to 100 entries) where a bulk import would otherwise keep
    // every product's. A record someone else wrote since (a second activation, for a moment, while a silo fails)
    // makes the write fail on its ETag, and is read again.
    private const int MaxKept = 256;

    private const int MaxAttempts = 3;

    private readonly Dictionary<string, GrainState<List<ProductHistoryEntry>>> _kept = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(StreamNames.Provider)
            .GetStream<CatalogEvent>(StreamId.Create(StreamNames.Catalog, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync(items => Task.WhenAll(items
            .Select(i => i.Item)
            .GroupBy(e => e.ProductId)
            .Select(product => RecordAsync(product.Key, product))));
    }

    // Awaited, so a failure fails the message and the stream delivers it again; a product's history takes an event once.
    private async Task RecordAsync(string productId, IEnumerable<CatalogEvent> events)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!_kept.TryGetValue(productId, out var history))
            {
                history = await ProductHistoryGrain.ReadAsync(storage, productId);
                if (_kept.Count >= MaxKept)
                {
                    _kept.Clear();
                }

                _kept[productId] = history;
            }

            if (!ProductHistoryGrain.Record(history.State!, events))
            {
                return;
            }

            try
            {
                await ProductHistoryGrain.WriteAsync(storage, productId, history);
                return;
            }
            catch (Exception exception)
            {
                // What the copy holds may not be stored: it is read again.
                _kept.Remove(productId);
                if (exception is not InconsistentStateException || attempt == MaxAttempts)
                {
                    throw;
                }
            }
        }
    }
}
