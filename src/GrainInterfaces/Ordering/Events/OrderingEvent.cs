namespace EShop.Ordering.Events;

/// <summary>A committed change to an order, published on the ordering stream keyed by the order id.</summary>
[GenerateSerializer, Immutable, Alias("eshop.ordering.OrderingEvent")]
public abstract record OrderingEvent(
    [property: Id(0)] Guid OrderId,
    [property: Id(1)] Guid CustomerId,
    [property: Id(2)] DateTimeOffset At);
