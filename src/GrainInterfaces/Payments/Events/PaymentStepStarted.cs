namespace EShop.Payments.Events;

/// <summary>
/// A processor call is about to be made. Recorded first, so that a call whose answer a crash lost is made again, with the
/// same idempotency key and amount, before anything else happens to the payment: the processor then answers as it did.
/// </summary>
[GenerateSerializer, Immutable, Alias("eshop.payments.PaymentStepStarted")]
public sealed record PaymentStepStarted(
    DateTimeOffset At,
    string Step,
    [property: Id(0)] decimal Amount,
    [property: Id(1)] PaymentRequest? Authorization) : PaymentEvent(At, Step);
