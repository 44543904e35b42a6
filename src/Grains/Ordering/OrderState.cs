using System.Collections.Immutable;
using EShop.Catalog;
using EShop.Ordering.Events;
using EShop.Shared;
using EShop.Shipping;

namespace EShop.Ordering;

// The order and the rules of its status. Each change is idempotent: one already made returns the order unchanged, so
// the order process can repeat a step whose outcome a crash left unknown. Each change that is made puts its domain
// event in the outbox, committed with it; the order process publishes it and then acknowledges it.
[GenerateSerializer, Alias("eshop.ordering.OrderState")]
public sealed class OrderState
{
    [Id(0)] public Guid CustomerId { get; set; }
    [Id(1)] public OrderStatus Status { get; set; }
    [Id(2)] public List<OrderLine> Lines { get; set; } = [];
    [Id(3)] public decimal ShippingCost { get; set; }
    [Id(4)] public string Currency { get; set; } = "";
    [Id(5), PersonalData] public Address? ShippingAddress { get; set; }
    [Id(6)] public ShippingSpeed ShippingSpeed { get; set; }
    [Id(7), PersonalData] public PaymentDetails? Payment { get; set; }
    [Id(8)] public DateTimeOffset PlacedAt { get; set; }
    [Id(9)] public List<OrderEvent> Timeline { get; set; } = [];
    [Id(10)] public string? TrackingNumber { get; set; }
    [Id(11)] public decimal Refunded { get; set; }
    // The events waiting to be published carry the order, address included.
    [Id(12), PersonalData] public List<OutboxEntry> Outbox { get; set; } = [];
    [Id(13)] public long Sequence { get; set; }

    public bool Placed => Timeline.Count > 0;

    public OrderSnapshot? ToSnapshot(Guid id) => Placed
        ? new(id, CustomerId, Status, [.. Lines], ShippingCost, Currency, ShippingAddress!, ShippingSpeed, Payment!, PlacedAt, [.. Timeline], TrackingNumber, Refunded, [.. Outbox])
        : null;

    public void Place(Guid id, NewOrder order, DateTimeOffset now)
    {
        if (Placed)
        {
            return;
        }

        (CustomerId, Status, Lines, ShippingCost, Currency, ShippingAddress, ShippingSpeed, Payment, PlacedAt) =
            (order.CustomerId, OrderStatus.PendingPayment, [.. order.Lines], order.ShippingCost, EShop.Shared.Currency.Default,
             order.ShippingAddress, order.ShippingSpeed, order.Payment, now);
        Timeline.Add(new OrderEvent(OrderTimeline.Placed, now, $"{order.Lines.Sum(l => l.Quantity)} items, awaiting payment by {order.Payment.Method}"));
        var total = Lines.Sum(l => l.LineTotal) + ShippingCost;
        Emit(new OrderPlaced(id, CustomerId, now, [.. Lines], total), order.Reserved);
    }

    // Before the carrier has the parcel: awaiting payment, or paid (or confirmed) with the label not yet picked up.
    public UserError? CannotCancel() =>
        !Placed ? UserError.Of(ErrorCodes.NotFound, "The order does not exist.", "orderId")
        : Status is OrderStatus.PendingPayment or OrderStatus.Paid ? null
        : UserError.Of(ErrorCodes.InvalidState, $"An order that is {Status} cannot be cancelled.", "orderId");

    public void Cancel(Guid id, DateTimeOffset at, string reason, ImmutableArray<ProductSnapshot> released)
    {
        Move(OrderStatus.Cancelled, OrderTimeline.Cancelled, at, reason);
        Emit(new OrderCancelled(id, CustomerId, at, reason), released);
    }

    public UserError? LabelShipment(Guid id, string trackingNumber, bool paid, DateTimeOffset at, string detail)
    {
        if (TrackingNumber is not null)
        {
            return null;
        }

        if (Status != OrderStatus.PendingPayment)
        {
            return UserError.Of(ErrorCodes.InvalidState, $"An order that is {Status} cannot be {(paid ? "paid" : "confirmed")}.", "orderId");
        }

        TrackingNumber = trackingNumber;
        if (paid)
        {
            Move(OrderStatus.Paid, OrderTimeline.Paid, at, detail);
            Emit(new OrderPaid(id, CustomerId, at));
        }
        else
        {
            Timeline.Add(new OrderEvent(OrderTimeline.Confirmed, at, detail));
            Emit(new OrderConfirmed(id, CustomerId, at));
        }

        return null;
    }

    // Picked up: SHIPPED; delivered: DELIVERED. Only an order on its way moves: a cancelled or refunded one keeps its
    // status, and the entry is kept in its timeline. Each status is recorded once.
    public void RecordShipment(Guid id, TrackingEvent tracking)
    {
        var (status, type) = tracking.Status switch
        {
            ShipmentStatus.PickedUp or ShipmentStatus.InTransit or ShipmentStatus.OutForDelivery => (OrderStatus.Shipped, OrderTimeline.Shipped),
            ShipmentStatus.Delivered => (OrderStatus.Delivered, OrderTimeline.Delivered),
            ShipmentStatus.Exception => (Status, OrderTimeline.ShipmentException),
            _ => (Status, ""),
        };

        if (type.Length == 0 || (type != OrderTimeline.ShipmentException && Timeline.Exists(e => e.Type == type)))
        {
            return;
        }

        var detail = tracking.Location is null ? null : $"{tracking.Status}: {tracking.Location}";
        if (Status is not (OrderStatus.PendingPayment or OrderStatus.Paid or OrderStatus.Shipped) || status == Status)
        {
            Timeline.Add(new OrderEvent(type, tracking.At, detail));
            return;
        }

        Move(status, type, tracking.At, detail);
        Emit(status == OrderStatus.Delivered ? new OrderDelivered(id, CustomerId, tracking.At) : new OrderShipped(id, CustomerId, tracking.At));
    }

    // The payment's refunds total totalRefunded; a cancelled order stays cancelled.
    public void RecordRefund(Guid id, decimal totalRefunded, decimal captured, DateTimeOffset at)
    {
        var amount = totalRefunded - Refunded;
        if (amount <= 0)
        {
            return;
        }

        Refunded = totalRefunded;
        var detail = $"{amount:0.00} {Currency} refunded; {totalRefunded:0.00} of {captured:0.00} in all";
        if (Status == OrderStatus.Cancelled)
        {
            Timeline.Add(new OrderEvent(OrderTimeline.Refunded, at, detail));
        }
        else
        {
            Move(totalRefunded >= captured ? OrderStatus.Refunded : OrderStatus.PartiallyRefunded, OrderTimeline.Refunded, at, detail);
        }

        Emit(new OrderRefunded(id, CustomerId, at, amount, totalRefunded));
    }

    public void Acknowledge(long sequence) => Outbox.RemoveAll(e => e.Sequence <= sequence);

    private void Move(OrderStatus status, string type, DateTimeOffset at, string? detail)
    {
        Status = status;
        Timeline.Add(new OrderEvent(type, at, detail));
    }

    private void Emit(OrderingEvent domainEvent, ImmutableArray<ProductSnapshot> products = default) =>
        Outbox.Add(new OutboxEntry(++Sequence, domainEvent, products.IsDefault ? [] : products));
}
