namespace EShop.Payments.Events;

[GenerateSerializer, Immutable, Alias("eshop.payments.PaymentRefunded")]
public sealed record PaymentRefunded(DateTimeOffset At, string Step, [property: Id(0)] decimal Amount, [property: Id(1)] string RefundId) : PaymentEvent(At, Step);
