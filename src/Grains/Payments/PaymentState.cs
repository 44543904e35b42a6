using EShop.Ordering;
using EShop.Payments.Events;

namespace EShop.Payments;

// The payment as its ledger says: rebuilt by applying every entry in order, never stored itself (serializable only
// because the log view copies it between its confirmed and tentative versions).
[GenerateSerializer, Alias("eshop.payments.PaymentState")]
public sealed class PaymentState
{
    [Id(9)] public List<PaymentEvent> Ledger { get; private set; } = [];

    [Id(0)] public PaymentMethod Method { get; private set; }

    [Id(1)] public PaymentStatus Status { get; private set; } = PaymentStatus.Pending;

    [Id(2)] public decimal Amount { get; private set; }

    [Id(3)] public string Currency { get; private set; } = "";

    [Id(4)] public string? AuthorizationId { get; private set; }

    [Id(5)] public decimal Captured { get; private set; }

    [Id(6)] public decimal Refunded { get; private set; }

    [Id(7)] public int Refunds { get; private set; }

    [Id(8)] public string? DeclineReason { get; private set; }

    public void Apply(PaymentEvent entry)
    {
        Ledger.Add(entry);
        switch (entry)
        {
            case PaymentAuthorized a:
                (Method, Amount, Currency, AuthorizationId, Status) = (a.Method, a.Amount, a.Currency, a.AuthorizationId, PaymentStatus.Authorized);
                break;
            case PaymentDeclined d:
                (Method, Amount, Currency, DeclineReason, Status) = (d.Method, d.Amount, d.Currency, d.Reason, PaymentStatus.Declined);
                break;
            case PaymentCaptured c:
                (Captured, Status) = (Captured + c.Amount, PaymentStatus.Captured);
                break;
            case PaymentRefunded r:
                (Refunded, Refunds) = (Refunded + r.Amount, Refunds + 1);
                Status = Refunded >= Captured ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
                break;
            case PaymentVoided:
                Status = PaymentStatus.Voided;
                break;
        }
    }

    public PaymentSnapshot? ToSnapshot() => Ledger.Count == 0
        ? null
        : new(Method, Status, Amount, Captured, Refunded, Currency, DeclineReason, [.. Ledger]);
}
