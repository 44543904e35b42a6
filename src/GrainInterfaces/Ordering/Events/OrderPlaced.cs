using System.Collections.Immutable;

namespace EShop.Ordering.Events;

[GenerateSerializer, Immutable, Alias("eshop.ordering.OrderPlaced")]
public sealed record OrderPlaced(
    Guid OrderId, Guid CustomerId, DateTimeOffset At,
    [property: Id(0)] ImmutableArray<OrderLine> Lines,
    [property: Id(1)] decimal Total) : OrderingEvent(OrderId, CustomerId, At);
