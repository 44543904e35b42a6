namespace EShop.Payments;

[GenerateSerializer, Immutable, Alias("eshop.payments.GiftCardSnapshot")]
public sealed record GiftCardSnapshot(
    [property: Id(0)] decimal Balance,
    [property: Id(1)] string Currency,
    [property: Id(2)] DateTimeOffset IssuedAt);
