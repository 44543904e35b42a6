using EShop.Ordering;

namespace EShop.Payments.Events;

[GenerateSerializer, Immutable, Alias("eshop.payments.PaymentDeclined")]
public sealed record PaymentDeclined(
    DateTimeOffset At,
    string Step,
    [property: Id(0)] PaymentMethod Method,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] string Currency,
    [property: Id(3)] string Reason) : PaymentEvent(At, Step);
