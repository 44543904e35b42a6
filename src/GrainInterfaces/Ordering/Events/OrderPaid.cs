namespace EShop.Ordering.Events;

/// <summary>The payment was captured and the shipment created.</summary>
[GenerateSerializer, Immutable, Alias("eshop.ordering.OrderPaid")]
public sealed record OrderPaid(Guid OrderId, Guid CustomerId, DateTimeOffset At) : OrderingEvent(OrderId, CustomerId, At);
