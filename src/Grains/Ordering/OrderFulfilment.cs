using EShop.Carts;
using EShop.Catalog;
using EShop.Shared;
using EShop.Shipping;
using Microsoft.Extensions.Logging;

namespace EShop.Ordering;

// The transactions of an order after checkout, each over the order and what moves with it, so the two never disagree:
// a cancellation releases the stock (products first, in the checkout's lock order, then the order, the cart, the
// shipment); a label pays or confirms the order and creates its shipment; a tracking event moves shipment and order.
// Each returns what committed; the order process publishes the events. A transaction's retries log through the order
// process's logger.
//
// One per order process activation, which runs every transaction that changes the order (checkout included), one at a
// time. So the order as the last of them committed it is the order as it stands, and reading it is not a transaction
// of its own: a read-only transaction still writes the order's row (its read time), and a saga pass read the order
// each time. It is forgotten when a transaction starts and kept only from one that committed, so one that failed or
// left its outcome in doubt leaves the next read to the grain.
internal sealed class OrderFulfilment(ITransactionClient transactions, IGrainFactory grains, TimeProvider time, Guid orderId, ILogger logger)
{
    // A refusal seen in a transaction that aborted is only the answer once a transaction that commits refuses too;
    // rounds that keep meeting such transactions give up after this many (checkout too).
    public const int MaxRounds = 5;

    private OrderSnapshot? _committed;

    // The shipment as the last transaction that moved it committed it, under the same rule: each tick of a parcel in
    // transit read it in a read-only transaction (a row write on Durable) before asking the carrier.
    private ShipmentSnapshot? _shipment;

    private IOrderGrain Order => grains.GetGrain<IOrderGrain>(orderId);

    private IShipmentGrain Shipment => grains.GetGrain<IShipmentGrain>(orderId);

    public async Task<OrderSnapshot?> ReadAsync() => _committed ??= await TransactionRetry.ExecuteAsync(Order.GetAsync, logger);

    // The order as a checkout's committed transaction or read found it.
    public void Remember(OrderSnapshot order) => _committed = order;

    // Cancels an order that has not shipped. An order's lines never change once placed: a committed read tells which
    // products to release, and a refusal (the order is missing, shipped or cancelled) locks no product.
    public async Task<Result<OrderSnapshot>> CancelAsync(string reason, bool restoreCart)
    {
        Result<OrderSnapshot>? cancelled = null;
        var released = new List<ProductSnapshot>();
        ShipmentSnapshot? stopped = null;
        for (var round = 1; cancelled is null; round++)
        {
            if (await ReadAsync() is { Status: OrderStatus.PendingPayment or OrderStatus.Paid } open)
            {
                (_committed, _shipment, stopped) = (null, null, null);
                await transactions.RunWithRetryAsync(async () =>
                {
                    released.Clear();
                    foreach (var line in CheckoutAttempt.InLockOrder(open.Lines, l => l.ProductId))
                    {
                        if (await grains.GetGrain<IProductGrain>(line.ProductId).ReleaseAsync(line.Quantity) is { } product)
                        {
                            released.Add(product);
                        }
                    }

                    cancelled = await Order.CancelAsync(reason, [.. released]);
                    if (!cancelled.Succeeded)
                    {
                        return false;
                    }

                    if (restoreCart)
                    {
                        await grains.GetGrain<ICartGrain>(open.CustomerId).RestoreAsync([.. open.Lines.Select(l => new CartLine(l.ProductId, l.Quantity, l.UnitPrice))]);
                    }

                    if (open.TrackingNumber is not null)
                    {
                        stopped = (await Shipment.AdvanceAsync(new TrackingEvent(ShipmentStatus.Exception, time.GetUtcNow(), "Label cancelled: the order was cancelled"))).Value;
                    }

                    return true;
                }, logger);
            }

            if (cancelled?.Succeeded == true)
            {
                (_committed, _shipment) = (cancelled.Value, stopped);
                break;
            }

            // The refusal is confirmed by a transaction that commits refusing too; one that would cancel after all (it
            // read a transaction that since committed or aborted) aborts instead, releasing nothing, and the loop runs again.
            _committed = null;
            await transactions.RunWithRetryAsync(async () =>
            {
                cancelled = await Order.CancelAsync(reason, []);
                return !cancelled.Succeeded;
            }, logger);

            if (cancelled!.Succeeded)
            {
                cancelled = round < MaxRounds
                    ? null
                    : throw new TimeoutException($"Cancelling order {orderId} kept meeting transactions that then aborted; try again.");
            }
        }

        return cancelled!;
    }

    // Pays (card: captured) or confirms (cash on delivery) the order and creates its shipment with the carrier's label.
    public async Task<Result<OrderSnapshot>> LabelAsync(CarrierTracking label, bool paid)
    {
        Result<OrderSnapshot>? labelled = null;
        ShipmentSnapshot? created = null;
        var detail = $"{label.Carrier} {label.TrackingNumber}";

        // The index first, in a transaction of its own: as a third participant of the label's it cost every order a
        // prepare, a prepared and a confirm. A claim whose label transaction then fails points at a shipment that does
        // not carry the number, and the lookup checks that (ShipmentLookup); the carrier gives the order the same
        // label when the step is taken again.
        await transactions.RunWithRetryAsync(() => grains.GetGrain<ITrackingNumberGrain>(label.TrackingNumber).AssignAsync(orderId), logger);

        (_committed, _shipment) = (null, null);
        await transactions.RunWithRetryAsync(async () =>
        {
            labelled = paid ? await Order.MarkPaidAsync(label.TrackingNumber, detail) : await Order.ConfirmAsync(label.TrackingNumber, detail);
            created = null;
            if (labelled.Succeeded)
            {
                created = await Shipment.CreateAsync(new NewShipment(label.TrackingNumber, label.Carrier, label.Events[0]));
            }

            // The order grain's refusals rest on state only this process changes: committing one changes nothing.
            return true;
        }, logger);

        (_committed, _shipment) = (labelled!.Value, created);
        return labelled;
    }

    // Records a tracking event on the shipment and, when it moved, on the order.
    public async Task<(Result<ShipmentSnapshot?> Shipment, OrderSnapshot? Order)> TrackAsync(TrackingEvent tracking)
    {
        Result<ShipmentSnapshot?>? moved = null;
        OrderSnapshot? order = null;
        (_committed, _shipment) = (null, null);
        await transactions.RunWithRetryAsync(async () =>
        {
            (moved, order) = (await Shipment.AdvanceAsync(tracking), null);
            if (moved.Value is not null)
            {
                order = await Order.RecordShipmentAsync(tracking);
            }

            return true;
        }, logger);

        (_committed, _shipment) = (order, moved!.Value);
        return (moved, order);
    }

    public Task<OrderSnapshot> RecordRefundAsync(decimal totalRefunded, decimal captured) =>
        UpdateAsync(() => Order.RecordRefundAsync(totalRefunded, captured));

    // Takes the published events up to sequence out of the outbox.
    public Task<OrderSnapshot> AcknowledgeAsync(long sequence) => UpdateAsync(() => Order.AcknowledgeAsync(sequence));

    private async Task<OrderSnapshot> UpdateAsync(Func<Task<OrderSnapshot>> change)
    {
        OrderSnapshot? order = null;
        _committed = null;
        await transactions.RunWithRetryAsync(async () =>
        {
            order = await change();
            return true;
        }, logger);

        return _committed = order!;
    }

    public async Task<ShipmentSnapshot?> ReadShipmentAsync() => _shipment ??= await TransactionRetry.ExecuteAsync(Shipment.GetAsync, logger);
}
