using System.Collections.Immutable;
using EShop.Catalog;
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

    public Task<OrderSnapshot?> PlaceIfAbsentAsync(NewOrder order) => state.PerformUpdate(s =>
    {
        if (s.Placed)
        {
            return null;
        }

        s.Place(Id, order, time.GetUtcNow());
        return s.ToSnapshot(Id);
    });

    public Task<Result<OrderSnapshot>> CancelAsync(string reason, ImmutableArray<ProductSnapshot> released) => state.PerformUpdate(s =>
    {
        if (s.CannotCancel() is { } error)
        {
            return Result<OrderSnapshot>.Fail(error);
        }

        s.Cancel(Id, time.GetUtcNow(), reason, released);
        return Result<OrderSnapshot>.Ok(s.ToSnapshot(Id)!);
    });

    public Task<Result<OrderSnapshot>> MarkPaidAsync(string trackingNumber, string detail) => LabelShipmentAsync(trackingNumber, paid: true, detail);

    public Task<Result<OrderSnapshot>> ConfirmAsync(string trackingNumber, string detail) => LabelShipmentAsync(trackingNumber, paid: false, detail);

    public Task<OrderSnapshot> RecordShipmentAsync(TrackingEvent tracking) => UpdateAsync(s => s.RecordShipment(Id, tracking));

    public Task<OrderSnapshot> RecordRefundAsync(decimal totalRefunded, decimal captured) =>
        UpdateAsync(s => s.RecordRefund(Id, totalRefunded, captured, time.GetUtcNow()));

    public Task<OrderSnapshot> AcknowledgeAsync(long sequence) => UpdateAsync(s => s.Acknowledge(sequence));

    private Task<Result<OrderSnapshot>> LabelShipmentAsync(string trackingNumber, bool paid, string detail) => state.PerformUpdate(s =>
        s.LabelShipment(Id, trackingNumber, paid, time.GetUtcNow(), detail) is { } error
            ? Result<OrderSnapshot>.Fail(error)
            : Result<OrderSnapshot>.Ok(s.ToSnapshot(Id)!));

    private Task<OrderSnapshot> UpdateAsync(Action<OrderState> change) => state.PerformUpdate(s =>
    {
        change(s);
        return s.ToSnapshot(Id)!;
    });
}
