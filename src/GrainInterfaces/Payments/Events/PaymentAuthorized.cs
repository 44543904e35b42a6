using EShop.Ordering;

namespace EShop.Payments.Events;

[GenerateSerializer, Immutable, Alias("eshop.payments.PaymentAuthorized")]
public sealed record PaymentAuthorized(
    DateTimeOffset At,
    string Step,
    [property: Id(0)] PaymentMethod Method,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] string Currency,
    [property: Id(3)] string AuthorizationId) : PaymentEvent(At, Step);
