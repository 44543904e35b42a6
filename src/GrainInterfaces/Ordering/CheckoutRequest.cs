namespace EShop.Ordering;

[GenerateSerializer, Immutable, Alias("eshop.ordering.CheckoutRequest")]
public sealed record CheckoutRequest(
    [property: Id(0)] Guid CustomerId,
    [property: Id(1)] string IdempotencyKey,
    [property: Id(2)] Address ShippingAddress,
    [property: Id(3)] ShippingSpeed ShippingSpeed,
    [property: Id(4)] PaymentDetails Payment);
