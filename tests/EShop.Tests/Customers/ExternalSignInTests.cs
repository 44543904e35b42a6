using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using EShop.GraphQLGateway.Schema;
using EShop.Tests.Durable;
using EShop.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EShop.Tests.Customers;

// Single sign-on: a gateway that accepts an OpenID Connect provider's access tokens. The provider is this test's
// own: an RSA key, and a host serving its discovery document and JWKS.
[Collection(GatewayCollection.Name)]
public sealed class ExternalSignInTests(GatewayFixture fixture) : IAsyncLifetime
{
    private const string Audience = "eshop-sso-test";

    private readonly RSA _key = RSA.Create(2048);
    private readonly string _authority = $"http://127.0.0.1:{HostProcess.FreePort()}";
    private WebApplication _provider = null!;
    private WebApplicationFactory<EShopSchema> _gateway = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(_authority);
        _provider = builder.Build();
        var rsa = _key.ExportParameters(includePrivateParameters: false);
        _provider.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = _authority, ["jwks_uri"] = _authority + "/jwks", ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _provider.MapGet("/jwks", () => Results.Json(new
        {
            keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "test-key", n = Base64UrlEncoder.Encode(rsa.Modulus), e = Base64UrlEncoder.Encode(rsa.Exponent) } },
        }));
        await _provider.StartAsync();
        _gateway = fixture.CreateGateway(new Dictionary<string, string>
        {
            ["EShop:Oidc:Authority"] = _authority, ["EShop:Oidc:Audience"] = Audience, ["EShop:Oidc:RequireHttpsMetadata"] = "false",
        });
        _http = _gateway.CreateClient();
        await GatewayFixture.WaitHealthyAsync(_http);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
        await _provider.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task AProvidersTokenWithAVerifiedAddress_OpensACustomer_TheSameOneEveryTime()
    {
        var subject = Guid.NewGuid().ToString();
        var email = $"sso-{Guid.NewGuid():N}@example.com";

        var first = await MeAsync(ProviderToken(subject, email, verified: true));
        var again = await MeAsync(ProviderToken(subject, email, verified: true));

        Assert.Equal((email, "CUSTOMER"), (first.GetProperty("email").GetString(), first.GetProperty("roles")[0].GetString()));
        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
    }

    [Fact]
    public async Task AVerifiedAddressOfAnAccount_LinksTheIdentityToThatAccount()
    {
        var email = $"linked-{Guid.NewGuid():N}@example.com";
        var signedUp = await new GraphQLClient(_http, null).DataAsync(
            "mutation($input: SignUpInput!) { signUp(input: $input) { customer { id } } }", new { input = new { email, password = "password-1", name = "Ana" } });

        var me = await MeAsync(ProviderToken(Guid.NewGuid().ToString(), email, verified: true));

        Assert.Equal(signedUp.GetProperty("signUp").GetProperty("customer").GetProperty("id").GetString(), me.GetProperty("id").GetString());
    }

    [Fact]
    public async Task AnUnverifiedAddress_OrAnotherKey_OrAnotherAudience_IsNoOne()
    {
        var email = $"nobody-{Guid.NewGuid():N}@example.com";
        using var stranger = RSA.Create(2048);

        Assert.Equal(JsonValueKind.Null, (await MeAsync(ProviderToken(Guid.NewGuid().ToString(), email, verified: false))).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await MeAsync(ProviderToken(Guid.NewGuid().ToString(), email, verified: true, key: stranger))).ValueKind);
        Assert.Equal(JsonValueKind.Null, (await MeAsync(ProviderToken(Guid.NewGuid().ToString(), email, verified: true, audience: "someone-else"))).ValueKind);
    }

    [Fact]
    public async Task AProvidersToken_SignsInAWebSocketToo()
    {
        var email = $"socket-{Guid.NewGuid():N}@example.com";
        await using var socket = await GraphQLWebSocketClient.ConnectAsync(_gateway.Server.CreateWebSocketClient(), GraphQLWebSocketClient.SubProtocol);

        await socket.InitAsync(ProviderToken(Guid.NewGuid().ToString(), email, verified: true));
        await socket.SubscribeAsync("me", "{ me { email } }");
        var next = await socket.ReceiveAsync();

        Assert.Equal(email, next.GetProperty("payload").GetProperty("data").GetProperty("me").GetProperty("email").GetString());
    }

    private async Task<JsonElement> MeAsync(string token)
    {
        var (status, body) = await new GraphQLClient(_http, token).PostAsync("{ me { id email roles } }");
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("data").GetProperty("me");
    }

    private string ProviderToken(string subject, string email, bool verified, RSA? key = null, string audience = Audience)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _authority,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("email", email), new Claim("email_verified", verified ? "true" : "false", ClaimValueTypes.Boolean), new Claim("name", "Ana SSO")]),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? _key) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
        });
    }
}
