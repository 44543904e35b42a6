namespace EShop.Payments.Events;

[GenerateSerializer, Immutable, Alias("eshop.payments.PaymentCaptured")]
public sealed record PaymentCaptured(DateTimeOffset At, [property: Id(0)] decimal Amount) : PaymentEvent(At);
