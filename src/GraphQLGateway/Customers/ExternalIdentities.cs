using System.Security.Claims;
using EShop.Customers;
using EShop.GraphQLGateway.Shared;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace EShop.GraphQLGateway.Customers;

// Bound from EShop:Oidc. With an Authority, access tokens of that OpenID Connect provider are accepted too: checked
// against its discovery document and JWKS (RS256 and the like), for the configured Audience.
public sealed class OidcOptions
{
    public const string Section = "EShop:Oidc";

    public string? Authority { get; set; }

    public string? Audience { get; set; }

    // Off only for a provider on loopback in tests and development.
    public bool RequireHttpsMetadata { get; set; } = true;
}

// An external provider's token stands for one of our customers (IAccountsGrain.SignInExternalAsync: linked, linked at
// first sight by a verified address, or opened). Once checked, the request carries our customer's claims — their id
// as subject and their roles — so everything downstream sees a customer like any other. The provider's token has no
// session here: its lifetime and revocation are the provider's. The mapping is remembered 15 s per identity.
public sealed class ExternalIdentities(IGrainFactory grains, TimeProvider time, IOptions<OidcOptions> oidc) : IDisposable
{
    public const string Scheme = "oidc";
    public const string SelectorScheme = "bearer-or-oidc";

    private static readonly TimeSpan Remember = TimeSpan.FromSeconds(15);

    private readonly MemoryCache _customers = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public static void Add(WebApplicationBuilder builder)
    {
        var oidc = builder.Configuration.GetSection(OidcOptions.Section).Get<OidcOptions>();
        if (string.IsNullOrEmpty(oidc?.Authority))
        {
            return;
        }

        builder.Services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section);
        builder.Services.AddSingleton<ExternalIdentities>();
        builder.Services.AddAuthentication(o => o.DefaultScheme = SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Our tokens or the provider's", o => o.ForwardDefaultSelector = http =>
                http.RequestServices.GetRequiredService<ExternalIdentities>().Issued(BearerToken(http.Request.Headers.Authorization.ToString())) ? Scheme : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(Scheme, o =>
            {
                (o.Authority, o.Audience, o.RequireHttpsMetadata, o.MapInboundClaims) = (oidc.Authority, oidc.Audience, oidc.RequireHttpsMetadata, false);
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = async context =>
                    {
                        var identities = context.HttpContext.RequestServices.GetRequiredService<ExternalIdentities>();
                        if (await identities.CustomerOfAsync(context.Principal!) is { } customer)
                        {
                            context.Principal = customer;
                        }
                        else
                        {
                            context.Fail("The provider's identity stands for no customer here.");
                        }
                    },
                };
            });
    }

    // Whether the provider issued this (unchecked) token, by its issuer: which scheme is to check it.
    public bool Issued(string? token)
    {
        try
        {
            return token is not null && new JsonWebToken(token).Issuer.TrimEnd('/') == oidc.Value.Authority?.TrimEnd('/');
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public async Task<ClaimsPrincipal?> CustomerOfAsync(ClaimsPrincipal external)
    {
        var login = new ExternalLogin(
            external.FindFirstValue(JwtRegisteredClaimNames.Iss) ?? "",
            external.FindFirstValue(JwtRegisteredClaimNames.Sub) ?? "",
            external.FindFirstValue(JwtRegisteredClaimNames.Email),
            external.FindFirstValue("email_verified") is "true" or "True",
            external.FindFirstValue("name"));
        if (!_customers.TryGetValue(login.Key, out CustomerProfile? profile))
        {
            var signedIn = await grains.GetGrain<IAccountsGrain>(0).SignInExternalAsync(login);
            profile = signedIn.Value;
            _customers.Set(login.Key, profile, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = time.GetUtcNow() + Remember });
        }

        if (profile is null)
        {
            return null;
        }

        return new ClaimsPrincipal(new ClaimsIdentity(TokenClaims.Of(profile), Scheme, TokenClaims.Subject, TokenClaims.Role));
    }

    public void Dispose() => _customers.Dispose();

    private static string? BearerToken(string header) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
}
