namespace EShop.Payments.Events;

[GenerateSerializer, Immutable, Alias("eshop.payments.PaymentCaptured")]
public sealed record PaymentCaptured(DateTimeOffset At, string Step, [property: Id(0)] decimal Amount) : PaymentEvent(At, Step);
