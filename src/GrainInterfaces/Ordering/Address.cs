namespace EShop.Ordering;

[GenerateSerializer, Immutable, Alias("eshop.ordering.Address")]
public sealed record Address(
    [property: Id(0)] string Name,
    [property: Id(1)] string Line1,
    [property: Id(2)] string? Line2,
    [property: Id(3)] string City,
    [property: Id(4)] string PostalCode,
    [property: Id(5)] string Country);
