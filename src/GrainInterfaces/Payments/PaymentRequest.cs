using EShop.Ordering;

namespace EShop.Payments;

/// <summary>What the order asks its payment to authorize: the order's total, by the customer's method.</summary>
[GenerateSerializer, Immutable, Alias("eshop.payments.PaymentRequest")]
public sealed record PaymentRequest(
    [property: Id(0)] PaymentDetails Details,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] string Currency);
