namespace EShop.Payments;

// The card processor, a third party. Every call carries an idempotency key: the processor answers a repeated key with
// its first answer and moves no money again. Calls throw PaymentProcessorUnavailableException when it cannot be
// reached (after the client's retries, or at once while its circuit breaker is open).
public interface IPaymentProcessor
{
    Task<ProcessorAuthorization> AuthorizeAsync(string idempotencyKey, string reference, decimal amount, string currency, string token);

    Task CaptureAsync(string idempotencyKey, string authorizationId, decimal amount);

    Task VoidAsync(string idempotencyKey, string authorizationId);

    Task<string> RefundAsync(string idempotencyKey, string authorizationId, decimal amount);
}
