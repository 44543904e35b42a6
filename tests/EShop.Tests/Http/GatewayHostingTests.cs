using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EShop.Tests.Durable;
using EShop.Tests.Shared;

namespace EShop.Tests.Http;

// The gateway host, started as a process the way an operator starts it: over HTTPS with a certificate from
// configuration (Kestrel's own settings, as run-shop.sh --tls sets them), and refusing to start unfit for production.
[Collection(GatewayCollection.Name)]
public sealed class GatewayHostingTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Gateway_ServesGraphQLOverHttps_WithTheConfiguredCertificate()
    {
        using var certificates = TestCertificates.SelfSigned();
        var httpsPort = HostProcess.FreePort();
        await using var gateway = await HostProcess.StartAsync("GraphQLGateway", new Dictionary<string, string>
        {
            ["Orleans__GatewayPort"] = fixture.Cluster.Primary!.GatewayAddress!.Endpoint.Port.ToString(),
            ["Orleans__ServiceId"] = fixture.Cluster.Options.ServiceId,
            ["Orleans__ClusterId"] = fixture.Cluster.Options.ClusterId,
            ["EShop__Jwt__SigningKey"] = "an https-test signing key that is long enough",
            ["Urls"] = $"https://127.0.0.1:{httpsPort}",
            ["Kestrel__Certificates__Default__Path"] = certificates.Path,
            ["Kestrel__Certificates__Default__Password"] = TestCertificates.Password,
            ["Logging__LogLevel__Default"] = "Warning",
        });
        string? presented = null;
        using var http = new HttpClient(new HttpClientHandler
        {
            // Trusts exactly this certificate, and records what the server presented.
            ServerCertificateCustomValidationCallback = (_, cert, _, _) => (presented = cert?.Thumbprint) == certificates.Certificate.Thumbprint,
        });

        using var response = await http.PostAsJsonAsync($"https://127.0.0.1:{httpsPort}/graphql", new { query = "{ categories { id } }" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("categories").ValueKind);
        Assert.Equal(certificates.Certificate.Thumbprint, presented);
    }

    [Fact]
    public async Task Gateway_DeclaredProductionWithoutASigningKey_RefusesToStart()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartAsync("GraphQLGateway", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Orleans__GatewayPort"] = fixture.Cluster.Primary!.GatewayAddress!.Endpoint.Port.ToString(),
            ["Orleans__ServiceId"] = fixture.Cluster.Options.ServiceId,
            ["Orleans__ClusterId"] = fixture.Cluster.Options.ClusterId,
        }));

        Assert.Contains("EShop:Jwt:SigningKey must be configured in Production", refused.Message);
    }
}
