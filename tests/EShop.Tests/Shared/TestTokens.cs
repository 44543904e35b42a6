using System.Security.Claims;
using System.Text;
using EShop.GraphQLGateway.Customers;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EShop.Tests.Shared;

// Access tokens made by a test, as the gateway makes them: for a customer and session, signed with a key of its choosing.
public static class TestTokens
{
    public static string Sign(string key, Guid customer, Guid session, TimeSpan lifetime)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = JwtOptions.Issuer,
            Audience = JwtOptions.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", customer.ToString()), new Claim("sid", session.ToString())]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
