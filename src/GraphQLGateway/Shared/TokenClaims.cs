using System.Security.Claims;
using EShop.Customers;

namespace EShop.GraphQLGateway.Shared;

// The JWT claim names we issue and read; inbound claim mapping is off so these stay as written.
public static class TokenClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Role = "role";
    public const string Session = "sid";

    // Who a customer is to the API: their id, address and roles, whether from our token or a provider's.
    public static IEnumerable<Claim> Of(CustomerProfile customer) =>
        [
            new(Subject, customer.Id.ToString()), new(Email, customer.Email),
            .. customer.Roles.Select(r => new Claim(Role, r.ToString().ToUpperInvariant())),
        ];
}
