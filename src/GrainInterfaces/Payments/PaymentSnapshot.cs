using System.Collections.Immutable;
using EShop.Ordering;
using EShop.Payments.Events;

namespace EShop.Payments;

/// <summary>An order's payment as its ledger stands: the sums follow from the entries, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("eshop.payments.PaymentSnapshot")]
public sealed record PaymentSnapshot(
    [property: Id(0)] PaymentMethod Method,
    [property: Id(1)] PaymentStatus Status,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] decimal Captured,
    [property: Id(4)] decimal Refunded,
    [property: Id(5)] string Currency,
    [property: Id(6)] string? DeclineReason,
    [property: Id(7)] ImmutableArray<PaymentEvent> Ledger)
{
    public decimal Refundable => Captured - Refunded;
}
