using EShop.Shared;
using Orleans.Transactions.Abstractions;

namespace EShop.Ordering;

[GrainType("eshop.ordering.order")]
public sealed class OrderGrain(
    [TransactionalState(StateNames.Order, StorageNames.Ordering)] ITransactionalState<OrderState> state,
    TimeProvider time) : Grain, IOrderGrain
{
    public const string Placed = "ORDER_PLACED";
    public const string Cancelled = "ORDER_CANCELLED";

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
            s.Timeline.Add(new OrderEvent(Placed, now, $"{order.Lines.Sum(l => l.Quantity)} items, awaiting payment by {order.Payment.Method}"));
        }

        return s.ToSnapshot(Id)!;
    });

    public Task<Result<OrderSnapshot>> CancelAsync(string reason) => state.PerformUpdate(s =>
    {
        if (!s.Placed)
        {
            return Result<OrderSnapshot>.Fail(UserError.Of(ErrorCodes.NotFound, "The order does not exist.", "orderId"));
        }

        // Paid orders need a refund first; that arrives with payments.
        if (s.Status != OrderStatus.PendingPayment)
        {
            return Result<OrderSnapshot>.Fail(UserError.Of(ErrorCodes.InvalidState, $"An order that is {s.Status} cannot be cancelled.", "orderId"));
        }

        s.Status = OrderStatus.Cancelled;
        s.Timeline.Add(new OrderEvent(Cancelled, time.GetUtcNow(), reason));
        return Result<OrderSnapshot>.Ok(s.ToSnapshot(Id)!);
    });
}
