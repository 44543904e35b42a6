namespace EShop.Ordering;

/// <summary>How the customer will pay: a processor token or gift card code, never card numbers.</summary>
[GenerateSerializer, Immutable, Alias("eshop.ordering.PaymentDetails")]
public sealed record PaymentDetails(
    [property: Id(0)] PaymentMethod Method,
    [property: Id(1)] string? CardToken,
    [property: Id(2)] string? GiftCardCode);
