using System.Security.Claims;
using System.Security.Cryptography;
using EShop.Customers;
using EShop.GraphQLGateway.Shared;
using EShop.Shared;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EShop.GraphQLGateway.Customers;

// Issues access tokens (JWT) and one-time refresh tokens, and redeems refresh tokens.
public sealed class TokenService(SigningKeys keys, IOptions<JwtOptions> options, IGrainFactory grains, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    // session: the session a redeemed refresh token belongs to; a sign-in starts a new one.
    public async Task<AuthPayload> IssueAsync(CustomerProfile customer, Guid? session = null)
    {
        var now = time.GetUtcNow();
        var sessionId = session ?? Guid.NewGuid();
        if (session is null)
        {
            await grains.GetGrain<ICustomerSessionsGrain>(customer.Id).StartAsync(sessionId);
        }

        var claims = TokenClaims.Of(customer).Append(new Claim(TokenClaims.Session, sessionId.ToString()));
        var accessToken = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = JwtOptions.Issuer,
            Audience = JwtOptions.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(options.Value.AccessTokenLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Signing, SecurityAlgorithms.HmacSha256),
        });

        var refreshToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        await RefreshTokenGrain(refreshToken).IssueAsync(customer.Id, sessionId, now.Add(options.Value.RefreshTokenLifetime));
        return new AuthPayload(accessToken, refreshToken, customer, []);
    }

    // The customer and session a refresh token was issued to, using the token up; null when it is not valid.
    public async Task<RefreshTokenOwner?> RedeemAsync(string refreshToken) =>
        string.IsNullOrEmpty(refreshToken) ? null : await RefreshTokenGrain(refreshToken).RedeemAsync();

    private IRefreshTokenGrain RefreshTokenGrain(string token) =>
        grains.GetGrain<IRefreshTokenGrain>(Digest.Hex(token));
}
