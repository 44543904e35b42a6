using System.Collections.Immutable;

namespace EShop.Ordering;

[GenerateSerializer, Immutable, Alias("eshop.ordering.OrderSnapshot")]
public sealed record OrderSnapshot(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid CustomerId,
    [property: Id(2)] OrderStatus Status,
    [property: Id(3)] ImmutableArray<OrderLine> Lines,
    [property: Id(4)] decimal ShippingCost,
    [property: Id(5)] string Currency,
    [property: Id(6)] Address ShippingAddress,
    [property: Id(7)] ShippingSpeed ShippingSpeed,
    [property: Id(8)] PaymentDetails Payment,
    [property: Id(9)] DateTimeOffset PlacedAt,
    [property: Id(10)] ImmutableArray<OrderEvent> Timeline,
    [property: Id(11)] string? TrackingNumber,
    [property: Id(12)] decimal Refunded,
    [property: Id(13)] ImmutableArray<OutboxEntry> Outbox)
{
    public decimal Subtotal => Lines.Sum(l => l.LineTotal);

    public decimal Total => Subtotal + ShippingCost;
}
