using EShop.Catalog;
using EShop.Catalog.Events;
using EShop.Ordering.Events;
using EShop.Shared;

namespace EShop.Ordering;

// Publishing what the order's transactions committed. Each event waits in the order's outbox, committed with its
// change, with the products as that change left them; it is published (with what it implies elsewhere: the customer's
// history, the catalog's stock) after the transaction, and acknowledged when the saga next goes quiet. A silo that
// dies in between leaves it in the outbox, and the reminder's pass publishes it again: consumers take an event twice
// without harm (the catalog keeps each product's newest version, and a product's history each version once; the
// customer's history deduplicates; order updates carry the whole order).
public sealed partial class OrderProcessGrain
{
    // The last outbox entry this activation published, and the last it knows acknowledged; a new activation publishes
    // everything still in the outbox.
    private long _published;
    private long _acknowledged;

    // The last outbox entry this activation counted as waiting (eshop_outbox_waiting: up when seen, down when sent).
    private long _seen;

    // Publishing failed since this activation last published all it had: the next attempt is a retry.
    private bool _publishFailed;

    // After a command's transaction, and between saga steps: a stream that fails does not hold up the answer or the
    // payment; what is left is published on the saga's next pass.
    private async Task TryPublishOutboxAsync(OrderSnapshot order)
    {
        try
        {
            await PublishOutboxAsync(order);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _publishFailed = true;
            LogWaiting(logger, Id, $"publishing its events failed ({exception.Message}); the saga publishes them again");
        }
    }

    private async Task PublishOutboxAsync(OrderSnapshot order)
    {
        var unseen = order.Outbox.Count(e => e.Sequence > _seen);
        if (unseen > 0)
        {
            metrics.OutboxWaiting.Add(unseen);
            _seen = order.Outbox[^1].Sequence;
        }

        var pending = order.Outbox.Where(e => e.Sequence > _published).ToList();
        if (_publishFailed && pending.Count > 0)
        {
            LogPublishingAgain(logger, Id, pending.Count);
        }

        foreach (var entry in pending)
        {
            switch (entry.Event)
            {
                case OrderPlaced placed:
                    await grains.GetGrain<ICustomerOrdersGrain>(placed.CustomerId).AddAsync(placed.OrderId, order.PlacedAt);
                    await grains.CommitCatalogAsync(StockChanges(order, entry, -1, StockChanged.Sold));
                    break;
                case OrderCancelled:
                    await grains.CommitCatalogAsync(StockChanges(order, entry, +1, StockChanged.Released));
                    break;
            }

            await this.PublishAsync<OrderingEvent>(StreamNames.Ordering, [entry.Event], e => StreamNames.OrderingKey(e.OrderId));
            _published = entry.Sequence;
            metrics.OutboxWaiting.Add(-1);
        }

        _publishFailed = false;
    }

    // Takes published entries out of the outbox, in a transaction of their own: when the saga waits or ends, rather
    // than after every step.
    private async Task AcknowledgePublishedAsync()
    {
        if (_published > _acknowledged)
        {
            var published = _published;
            await Fulfilment.AcknowledgeAsync(published);
            _acknowledged = published;
        }
    }

    private static System.Collections.Immutable.ImmutableArray<CatalogEvent> StockChanges(OrderSnapshot order, OutboxEntry entry, int sign, string reason) =>
        [.. entry.Products.Select(product => (CatalogEvent)new StockChanged(
            product, entry.Event.At, sign * order.Lines.Where(l => l.ProductId == product.Id).Sum(l => l.Quantity), reason))];
}
