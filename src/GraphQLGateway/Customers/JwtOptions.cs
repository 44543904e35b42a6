namespace EShop.GraphQLGateway.Customers;

// Bound from EShop:Jwt.
public sealed class JwtOptions
{
    public const string Section = "EShop:Jwt";
    public const string Issuer = "eshop";
    public const string Audience = "eshop-storefront";

    // HMAC-SHA256 key, at least 32 bytes of UTF-8; every gateway of a deployment must share it.
    public string? SigningKey { get; set; }

    // Earlier signing keys, still accepted while tokens they signed live (SigningKeys: rotation).
    public List<string> ValidationKeys { get; set; } = [];

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
