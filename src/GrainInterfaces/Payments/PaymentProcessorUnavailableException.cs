namespace EShop.Payments;

/// <summary>
/// The card processor could not be reached (down, failing, or its circuit breaker open). Nothing is decided: the
/// call is safe to repeat with the same idempotency key, and the order waits for it.
/// </summary>
[GenerateSerializer, Alias("eshop.payments.PaymentProcessorUnavailableException")]
public sealed class PaymentProcessorUnavailableException : Exception
{
    public PaymentProcessorUnavailableException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
