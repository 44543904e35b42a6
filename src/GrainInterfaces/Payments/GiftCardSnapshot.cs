namespace EShop.Payments;

[GenerateSerializer, Immutable, Alias("eshop.payments.GiftCardSnapshot")]
public sealed record GiftCardSnapshot(
    [property: Id(0)] string Code,
    [property: Id(1)] decimal Balance,
    [property: Id(2)] string Currency,
    [property: Id(3)] DateTimeOffset IssuedAt);
