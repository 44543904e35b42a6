using EShop.Shared;

namespace EShop.Payments;

/// <summary>
/// An order's payment (key: the order's Guid): an append-only ledger of authorizations, captures, declines, refunds
/// and voids, event-sourced. Every processor call carries an idempotency key derived from the order and the ledger, so
/// a call repeated after a crash moves no money twice. Methods throw <see cref="PaymentProcessorUnavailableException"/>
/// when the processor cannot be reached; a call the ledger recorded as started is then made first by the next method
/// called, with the same key.
/// </summary>
[Alias("eshop.payments.IPaymentGrain")]
public interface IPaymentGrain : IGrainWithGuidKey
{
    /// <summary>The ledger; null while it has no entry.</summary>
    [ReadOnly, Alias("Get")]
    Task<PaymentSnapshot?> GetAsync();

    /// <summary>Authorizes the amount (cash on delivery: records the promise to pay). Once decided, returns that decision.</summary>
    [Alias("Authorize")]
    Task<PaymentSnapshot> AuthorizeAsync(PaymentRequest request);

    /// <summary>
    /// Authorizes the amount and captures it at once, in one call on the grain (the processor still sees an authorization
    /// and a capture, each under its own key); a card or a gift card, never cash on delivery. Once decided, returns that
    /// decision; a decline captures nothing.
    /// </summary>
    [Alias("Charge")]
    Task<PaymentSnapshot> ChargeAsync(PaymentRequest request);

    /// <summary>Captures what was authorized; once captured, changes nothing.</summary>
    [Alias("Capture")]
    Task<PaymentSnapshot> CaptureAsync();

    /// <summary>Releases an authorization that will not be captured; with nothing authorized, closes the ledger so nothing will be.</summary>
    [Alias("Void")]
    Task<PaymentSnapshot> VoidAsync();

    /// <summary>Refunds part or all of what was captured and not yet refunded, to the original method.</summary>
    [Alias("Refund")]
    Task<Result<PaymentSnapshot>> RefundAsync(decimal amount);
}
