using EShop.Shared;
using EShop.Shipping;
using Orleans.Transactions.Abstractions;

namespace EShop.Ordering;

[GrainType("eshop.ordering.order")]
public sealed class OrderGrain(
    [TransactionalState(StateNames.Order, StorageNames.Ordering)] ITransactionalState<OrderState> state,
    TimeProvider time) : Grain, IOrderGrain
{
    private Guid Id => this.GetPrimaryKey();

    public Task<OrderSnapshot?> GetAsync() => state.PerformRead(s => s.ToSnapshot(Id));

    public Task<OrderSnapshot> PlaceAsync(NewOrder order) => state.PerformUpdate(s =>
    {
        if (!s.Placed)
        {
            var now = time.GetUtcNow();
            (s.CustomerId, s.Status, s.Lines, s.ShippingCost, s.Currency, s.ShippingAddress, s.ShippingSpeed, s.Payment, s.PlacedAt) =
                (order.CustomerId, OrderStatus.PendingPayment, [.. order.Lines], order.ShippingCost, Currency.Default,
                 order.ShippingAddress, order.ShippingSpeed, order.Payment, now);
            s.Timeline.Add(new OrderEvent(OrderTimeline.Placed, now, $"{order.Lines.Sum(l => l.Quantity)} items, awaiting payment by {order.Payment.Method}"));
        }

        return s.ToSnapshot(Id)!;
    });

    public Task<Result<OrderSnapshot>> CancelAsync(string reason) => state.PerformUpdate(s =>
    {
        if (s.CannotCancel() is { } error)
        {
            return Result<OrderSnapshot>.Fail(error);
        }

        s.Cancel(time.GetUtcNow(), reason);
        return Result<OrderSnapshot>.Ok(s.ToSnapshot(Id)!);
    });

    public Task<Result<OrderSnapshot>> MarkPaidAsync(string trackingNumber, string detail) => LabelShipmentAsync(trackingNumber, paid: true, detail);

    public Task<Result<OrderSnapshot>> ConfirmAsync(string trackingNumber, string detail) => LabelShipmentAsync(trackingNumber, paid: false, detail);

    public Task<OrderSnapshot> RecordShipmentAsync(TrackingEvent tracking) => state.PerformUpdate(s =>
    {
        s.RecordShipment(tracking);
        return s.ToSnapshot(Id)!;
    });

    public Task<OrderSnapshot> RecordRefundAsync(decimal totalRefunded, decimal captured) => state.PerformUpdate(s =>
    {
        s.RecordRefund(totalRefunded, captured, time.GetUtcNow());
        return s.ToSnapshot(Id)!;
    });

    private Task<Result<OrderSnapshot>> LabelShipmentAsync(string trackingNumber, bool paid, string detail) => state.PerformUpdate(s =>
        s.LabelShipment(trackingNumber, paid, time.GetUtcNow(), detail) is { } error
            ? Result<OrderSnapshot>.Fail(error)
            : Result<OrderSnapshot>.Ok(s.ToSnapshot(Id)!));
}
