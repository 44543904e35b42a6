using System.Security.Claims;
using EShop.GraphQLGateway.Customers;
using GraphQL;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EShop.GraphQLGateway.Http;

// A browser cannot set headers on a WebSocket, so a socket's credential comes in its connection_init payload:
// {"Authorization": "Bearer <accessToken>"}, the key in any case. It is validated exactly as the HTTP bearer scheme
// validates the header, with that scheme's parameters, and its session checked the same way. A token of the external
// provider (single sign-on) is checked with that scheme's parameters and the provider's keys, and stands for its customer.
public sealed class ConnectionInitAuthenticator(IOptionsMonitor<JwtBearerOptions> bearerOptions, SessionCheck sessions, ExternalIdentities? external = null)
{
    private const string Scheme = "Bearer ";

    // Null when the payload carries no credential (an anonymous connection); otherwise the validation, which fails for
    // a value that is not a bearer token.
    public async Task<TokenValidationResult?> AuthenticateAsync(Inputs? payload)
    {
        var credential = payload?.FirstOrDefault(p => string.Equals(p.Key, "Authorization", StringComparison.OrdinalIgnoreCase)).Value;
        if (credential is null)
        {
            return null;
        }

        if (credential is not string header || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return new TokenValidationResult { IsValid = false };
        }

        var token = header[Scheme.Length..].Trim();
        if (external?.Issued(token) == true)
        {
            return await AuthenticateExternalAsync(token, external);
        }

        var options = bearerOptions.Get(JwtBearerDefaults.AuthenticationScheme);
        var handler = new JsonWebTokenHandler { MapInboundClaims = options.MapInboundClaims };
        var result = await handler.ValidateTokenAsync(token, options.TokenValidationParameters);
        return result.IsValid && !await sessions.IsActiveAsync(new ClaimsPrincipal(result.ClaimsIdentity)) ? new TokenValidationResult { IsValid = false } : result;
    }

    private async Task<TokenValidationResult> AuthenticateExternalAsync(string token, ExternalIdentities identities)
    {
        var options = bearerOptions.Get(ExternalIdentities.Scheme);
        var parameters = options.TokenValidationParameters.Clone();
        if (options.ConfigurationManager is { } provider)
        {
            var configuration = await provider.GetConfigurationAsync(CancellationToken.None);
            parameters.IssuerSigningKeys = configuration.SigningKeys;
            parameters.ValidIssuers = [.. parameters.ValidIssuers ?? [], configuration.Issuer];
        }

        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return result;
        }

        return await identities.CustomerOfAsync(new ClaimsPrincipal(result.ClaimsIdentity)) is { Identity: ClaimsIdentity customer }
            ? new TokenValidationResult { IsValid = true, ClaimsIdentity = customer, SecurityToken = result.SecurityToken }
            : new TokenValidationResult { IsValid = false };
    }
}
