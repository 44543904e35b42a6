using System.Collections.Immutable;
using EShop.Catalog;
using EShop.Shared;
using EShop.Shipping;

namespace EShop.Ordering;

/// <summary>
/// An order (key: Guid) with transactional state; created by checkout, moved by the order process. Every change
/// appends to the timeline, and its domain event to the outbox in the same transaction; a change already made changes
/// nothing, so the process can repeat a step after a crash.
/// </summary>
[Alias("eshop.ordering.IOrderGrain")]
public interface IOrderGrain : IGrainWithGuidKey
{
    [Transaction(TransactionOption.CreateOrJoin), ReadOnly, Alias("Get")]
    Task<OrderSnapshot?> GetAsync();

    /// <summary>Creates the order; null, changing nothing, when it exists already (an earlier try of the checkout placed it).</summary>
    [Transaction(TransactionOption.Join), Alias("PlaceIfAbsent")]
    Task<OrderSnapshot?> PlaceIfAbsentAsync(NewOrder order);

    /// <summary>
    /// Cancels an order that has not shipped: awaiting payment, or paid with its parcel not yet picked up.
    /// <paramref name="released"/>: the products as the cancellation's transaction left them, for the catalog.
    /// </summary>
    [Transaction(TransactionOption.Join), Alias("Cancel")]
    Task<Result<OrderSnapshot>> CancelAsync(string reason, ImmutableArray<ProductSnapshot> released);

    /// <summary>The payment was captured (card) and the shipment labelled: PENDING_PAYMENT → PAID.</summary>
    [Transaction(TransactionOption.Join), Alias("MarkPaid")]
    Task<Result<OrderSnapshot>> MarkPaidAsync(string trackingNumber, string detail);

    /// <summary>Cash on delivery: the order is accepted and its shipment labelled; it stays PENDING_PAYMENT until delivery.</summary>
    [Transaction(TransactionOption.Join), Alias("Confirm")]
    Task<Result<OrderSnapshot>> ConfirmAsync(string trackingNumber, string detail);

    /// <summary>The shipment moved: picked up → SHIPPED, delivered → DELIVERED (a refunded order keeps its status).</summary>
    [Transaction(TransactionOption.Join), Alias("RecordShipment")]
    Task<OrderSnapshot> RecordShipmentAsync(TrackingEvent tracking);

    /// <summary>The payment's refunds now total <paramref name="totalRefunded"/> of <paramref name="captured"/>.</summary>
    [Transaction(TransactionOption.Join), Alias("RecordRefund")]
    Task<OrderSnapshot> RecordRefundAsync(decimal totalRefunded, decimal captured);

    /// <summary>The outbox's events up to <paramref name="sequence"/> are published: they leave it.</summary>
    [Transaction(TransactionOption.Join), Alias("Acknowledge")]
    Task<OrderSnapshot> AcknowledgeAsync(long sequence);
}
