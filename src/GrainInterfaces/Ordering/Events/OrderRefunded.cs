namespace EShop.Ordering.Events;

/// <summary>Money went back to the customer: <see cref="Amount"/> now, <see cref="TotalRefunded"/> so far.</summary>
[GenerateSerializer, Immutable, Alias("eshop.ordering.OrderRefunded")]
public sealed record OrderRefunded(
    Guid OrderId, Guid CustomerId, DateTimeOffset At,
    [property: Id(0)] decimal Amount,
    [property: Id(1)] decimal TotalRefunded) : OrderingEvent(OrderId, CustomerId, At);
