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
        await using var gateway = await StartGatewayAsync(
            ("EShop__Jwt__SigningKey", "an https-test signing key that is long enough"),
            ("Urls", $"https://127.0.0.1:{httpsPort}"),
            ("Kestrel__Certificates__Default__Path", certificates.Path),
            ("Kestrel__Certificates__Default__Password", TestCertificates.Password));
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
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => StartGatewayAsync(("ASPNETCORE_ENVIRONMENT", "Production")));

        Assert.Contains("EShop:Jwt:SigningKey must be configured in Production", refused.Message);
    }

    [Fact]
    public async Task Gateway_DeclaredProduction_ShowsNoIntrospectionAndNoGraphiQL_UnlessConfiguredTo()
    {
        await using var closed = await StartDeclaredProductionAsync([]);
        await using var open = await StartDeclaredProductionAsync([("EShop__GraphQL__Introspection", "true"), ("EShop__GraphQL__GraphiQL", "true")]);

        var (closedIntrospection, _) = await new GraphQLClient(ClientOf(closed), null).PostAsync("{ __schema { queryType { name } } }");
        var (closedQuery, _) = await new GraphQLClient(ClientOf(closed), null).PostAsync("{ categories { id } }");
        var closedPage = await ClientOf(closed).SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql") { Headers = { { "Accept", "text/html" } } });
        var (openIntrospection, _) = await new GraphQLClient(ClientOf(open), null).PostAsync("{ __schema { queryType { name } } }");
        var openPage = await ClientOf(open).SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql") { Headers = { { "Accept", "text/html" } } });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK), (closedIntrospection, closedQuery));
        Assert.DoesNotContain("graphiql", await closedPage.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, openIntrospection);
        Assert.Contains("graphiql", await openPage.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private Task<HostProcess> StartDeclaredProductionAsync((string Key, string Value)[] extra) => StartGatewayAsync(
        [
            ("ASPNETCORE_ENVIRONMENT", "Production"),
            ("ASPNETCORE_CONTENTROOT", Path.Combine(RepositoryFiles.Root, "src", "GraphQLGateway")),
            ("EShop__Jwt__SigningKey", "a production-test signing key that is long enough"),
            .. extra,
        ]);

    // A gateway process of the fixture's cluster, with settings of the test's own on top.
    private Task<HostProcess> StartGatewayAsync(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Orleans__GatewayPort"] = fixture.Cluster.Primary!.GatewayAddress!.Endpoint.Port.ToString(),
            ["Orleans__ServiceId"] = fixture.Cluster.Options.ServiceId,
            ["Orleans__ClusterId"] = fixture.Cluster.Options.ClusterId,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return HostProcess.StartAsync("GraphQLGateway", settings);
    }

    private static HttpClient ClientOf(HostProcess gateway) => new() { BaseAddress = new Uri($"http://127.0.0.1:{gateway.HttpPort}") };
}
