namespace EShop.Shipping;

[GenerateSerializer, Immutable, Alias("eshop.shipping.QuoteLine")]
public sealed record QuoteLine([property: Id(0)] string ProductId, [property: Id(1)] int Quantity);
