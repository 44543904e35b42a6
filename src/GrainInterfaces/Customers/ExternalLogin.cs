namespace EShop.Customers;

/// <summary>Who an external OpenID Connect provider says signed in: its issuer, its subject, and what it vouches for.</summary>
[GenerateSerializer, Immutable, Alias("eshop.customers.ExternalLogin")]
public sealed record ExternalLogin(
    [property: Id(0)] string Issuer,
    [property: Id(1)] string Subject,
    [property: Id(2)] string? Email,
    [property: Id(3)] bool EmailVerified,
    [property: Id(4)] string? Name)
{
    public string Key => EShop.Shared.Digest.Hex($"{Issuer}\n{Subject}");
}
