namespace EShop.Payments.Events;

[GenerateSerializer, Immutable, Alias("eshop.payments.PaymentVoided")]
public sealed record PaymentVoided(DateTimeOffset At, string Step) : PaymentEvent(At, Step);
