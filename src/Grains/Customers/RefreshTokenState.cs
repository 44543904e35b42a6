namespace EShop.Customers;

[GenerateSerializer, Alias("eshop.customers.RefreshTokenState")]
public sealed class RefreshTokenState
{
    [Id(0)] public Guid? CustomerId { get; set; }
    [Id(1)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(2)] public bool Redeemed { get; set; }
    [Id(3)] public Guid SessionId { get; set; }
}
