using EShop.Ordering;
using EShop.Payments.Events;

namespace EShop.Payments;

// The payment as its ledger says: rebuilt by applying every entry in order, never stored itself (serializable only
// because the log view copies it between its confirmed and tentative versions). Each step is started and completed
// once: an entry for a step already completed (the log view may append a batch again after an ambiguous write) is
// ignored, so the sums always match the money that moved.
[GenerateSerializer, Alias("eshop.payments.PaymentState")]
public sealed class PaymentState
{
    [Id(0)] public List<PaymentEvent> Ledger { get; private set; } = [];

    [Id(1)] public HashSet<string> Completed { get; private set; } = [];

    // The processor call started and not yet answered, if any.
    [Id(2)] public PaymentStepStarted? Started { get; private set; }

    [Id(3)] public PaymentMethod Method { get; private set; }

    [Id(4)] public PaymentStatus Status { get; private set; } = PaymentStatus.Pending;

    [Id(5)] public decimal Amount { get; private set; }

    [Id(6)] public string Currency { get; private set; } = "";

    [Id(7)] public string? AuthorizationId { get; private set; }

    [Id(8)] public decimal Captured { get; private set; }

    [Id(9)] public decimal Refunded { get; private set; }

    [Id(10)] public int Refunds { get; private set; }

    [Id(11)] public string? DeclineReason { get; private set; }

    public void Apply(PaymentEvent entry)
    {
        if (Completed.Contains(entry.Step) || (entry is PaymentStepStarted && Started?.Step == entry.Step))
        {
            return;
        }

        Ledger.Add(entry);
        if (entry is PaymentStepStarted started)
        {
            Started = started;
            if (started.Authorization is { } request)
            {
                (Method, Amount, Currency) = (request.Details.Method, request.Amount, request.Currency);
            }

            return;
        }

        Completed.Add(entry.Step);
        Started = null;
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
