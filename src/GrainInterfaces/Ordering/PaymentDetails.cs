namespace EShop.Ordering;

/// <summary>
/// How the customer will pay: a processor token or gift card code, never card numbers. In a placed order the gift
/// card's code is replaced by its key (<see cref="EShop.Payments.GiftCards.KeyOf"/>): the code spends the card.
/// </summary>
[GenerateSerializer, Immutable, Alias("eshop.ordering.PaymentDetails")]
public sealed record PaymentDetails(
    [property: Id(0)] PaymentMethod Method,
    [property: Id(1)] string? CardToken,
    [property: Id(2)] string? GiftCardCode);
