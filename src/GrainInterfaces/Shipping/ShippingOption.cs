namespace EShop.Shipping;

[GenerateSerializer, Immutable, Alias("eshop.shipping.ShippingOption")]
public sealed record ShippingOption(
    [property: Id(0)] EShop.Ordering.ShippingSpeed Speed,
    [property: Id(1)] decimal Cost,
    [property: Id(2)] string Currency,
    [property: Id(3)] int EstimatedDays);
