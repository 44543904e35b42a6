namespace EShop.GraphQLGateway.Shared;

// The JWT claim names we issue and read; inbound claim mapping is off so these stay as written.
public static class TokenClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Role = "role";
    public const string Session = "sid";
}
