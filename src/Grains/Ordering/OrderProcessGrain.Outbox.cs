using EShop.Catalog;
using EShop.Catalog.Events;
using EShop.Ordering.Events;
using EShop.Shared;

namespace EShop.Ordering;

// Publishing what the order's transactions committed. Each event waits in the order's outbox, committed with its
// change; it is published (with what it implies elsewhere: the customer's history, the catalog's stock) after the
// transaction, and acknowledged by the saga's next pass. A silo that dies in between leaves it in the outbox, and the
// reminder's pass publishes it again: consumers take an event twice without harm (the catalog keeps each product's
// newest version; the history and the product history deduplicate; order updates carry the whole order).
public sealed partial class OrderProcessGrain
{
    // The last outbox entry this activation published; a new activation publishes everything still in the outbox.
    private long _published;

    // The products as this activation's transactions left them, for the catalog's view of its stock.
    private readonly Dictionary<string, ProductSnapshot> _products = new(StringComparer.Ordinal);

    private void Remember(IEnumerable<ProductSnapshot> products)
    {
        foreach (var product in products)
        {
            _products[product.Id] = product;
        }
    }

    // After a command's transaction: the caller's answer does not wait on a stream that is failing; the saga's next
    // pass publishes what is left.
    private async Task TryPublishOutboxAsync(OrderSnapshot order)
    {
        try
        {
            await PublishOutboxAsync(order);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogWaiting(logger, Id, $"publishing its events failed ({exception.Message}); the saga publishes them again");
        }
    }

    private async Task PublishOutboxAsync(OrderSnapshot order)
    {
        foreach (var entry in order.Outbox.Where(e => e.Sequence > _published))
        {
            switch (entry.Event)
            {
                case OrderPlaced placed:
                    await grains.GetGrain<ICustomerOrdersGrain>(placed.CustomerId).AddAsync(placed.OrderId, order.PlacedAt);
                    await Catalog.CommitAsync(await StockChangesAsync(order, -1, StockChanged.Sold, placed.At));
                    break;
                case OrderCancelled cancelled:
                    await Catalog.CommitAsync(await StockChangesAsync(order, +1, StockChanged.Released, cancelled.At));
                    break;
            }

            await this.PublishAsync<OrderingEvent>(StreamNames.Ordering, [entry.Event], e => e.OrderId.ToString());
            _published = entry.Sequence;
        }
    }

    // The catalog's stock changes for the order's lines: from the products as the transaction left them, or, after a
    // crash lost those, as they are now (the catalog keeps whichever version is newest).
    private async Task<System.Collections.Immutable.ImmutableArray<CatalogEvent>> StockChangesAsync(OrderSnapshot order, int sign, string reason, DateTimeOffset at)
    {
        var changes = new List<CatalogEvent>();
        foreach (var line in order.Lines)
        {
            var product = _products.GetValueOrDefault(line.ProductId)
                ?? await TransactionRetry.Pipeline.ExecuteAsync(async _ => await grains.GetGrain<IProductGrain>(line.ProductId).GetAsync());
            if (product is not null)
            {
                changes.Add(new StockChanged(product, at, sign * line.Quantity, reason));
            }
        }

        return [.. changes];
    }
}
