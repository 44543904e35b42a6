namespace EShop.GraphQLGateway.Shared;

/// <summary>The JWT claim names we issue and read; inbound claim mapping is off so these stay as written.</summary>
public static class TokenClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Role = "role";
}
