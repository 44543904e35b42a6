using System.Net;
using EShop.GraphQLGateway.Schema;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Orleans.TestingHost;

namespace EShop.Tests.Shared;

// The gateway as storefronts meet it: the real host (WebApplicationFactory) whose Orleans client connects over TCP
// to a one-silo test cluster, spoken to in GraphQL over HTTP and over WebSocket.
public class GatewayFixture : IAsyncLifetime
{
    // The gateway's token key, so a test can make a token the gateway accepts.
    public const string SigningKey = "a test signing key that is long enough for HS256";

    // A key the gateway signed with before the current one, still accepted (rotation).
    public const string EarlierSigningKey = "an earlier test signing key, kept for validation";

    // The one other origin whose pages may call the API from a browser.
    public const string AllowedOrigin = "https://storefront.example";

    private WebApplicationFactory<EShopSchema> _factory = null!;

    public GatewayFixture()
    {
    }

    // A gateway and silo that log to recorder too (RecordedGatewayFixture).
    protected GatewayFixture(TelemetryRecorder recorder) => Recorder = recorder;

    public TelemetryRecorder? Recorder { get; }

    public TestCluster Cluster { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public IServiceProvider Services => _factory.Services;

    // The in-memory server, for a request that needs what a client cannot set over HTTP (its address).
    public Microsoft.AspNetCore.TestHost.TestServer Server => _factory.Server;

    // Configuration a test may change while the gateway runs (feature flags); a test that does puts it back.
    public SwitchableConfiguration Switches { get; } = new();

    public GraphQLClient Anonymous => new(Http, null);

    // Another client of the same host, for a test that needs other options (e.g. not following redirects).
    public HttpClient CreateClient(WebApplicationFactoryClientOptions options) => _factory.CreateClient(options);

    // A WebSocket to /graphql on the gateway under test; subProtocol null asks for none.
    public Task<GraphQLWebSocketClient> ConnectWebSocketAsync(string? subProtocol = GraphQLWebSocketClient.SubProtocol) =>
        GraphQLWebSocketClient.ConnectAsync(_factory.Server.CreateWebSocketClient(), subProtocol);

    public async Task InitializeAsync()
    {
        Cluster = await TestSilo.StartAsync(silos: 1, configure: Recorder is null ? null : Recorder.AddTo);
        _factory = CreateGateway();
        Http = _factory.CreateClient();
        await WaitHealthyAsync(Http);
    }

    // Until the gateway behind http has reached its cluster (its /health is 200).
    public static Task WaitHealthyAsync(HttpClient http) =>
        Eventually.MatchesAsync(async () => (await http.GetAsync("/health")).StatusCode, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30));

    // A gateway host of this cluster, as the fixture's own is set up, with settings on top (another gateway for a test
    // that needs other configuration).
    public WebApplicationFactory<EShopSchema> CreateGateway(IReadOnlyDictionary<string, string>? settings = null) =>
        new WebApplicationFactory<EShopSchema>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Orleans:GatewayPort", Cluster.Primary!.GatewayAddress!.Endpoint.Port.ToString())
                .UseSetting("Orleans:ServiceId", Cluster.Options.ServiceId)
                .UseSetting("Orleans:ClusterId", Cluster.Options.ClusterId)
                .UseSetting("EShop:Jwt:SigningKey", SigningKey)
                .UseSetting("EShop:Jwt:ValidationKeys:0", EarlierSigningKey)

                // Every test's request comes from the same (no) address; the whole suite signs up more than a client may.
                .UseSetting("EShop:RateLimits:SignUpsPerMinute", "100000")
                .UseSetting("EShop:RateLimits:RequestsPerSecond", "0")
                .UseSetting("EShop:Cors:AllowedOrigins:0", AllowedOrigin)
                .ConfigureAppConfiguration((_, configuration) => configuration.Add(Switches))
                .ConfigureLogging(logging => Recorder?.AddTo(logging));
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                host.UseSetting(key, value);
            }
        });

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await Cluster.DisposeAsync();
        Recorder?.Dispose();
    }

    // A new customer, signed up through the API, with a client that sends their token.
    public async Task<GraphQLClient> SignUpAsync(string? name = null)
    {
        var email = $"shopper-{Guid.NewGuid():N}@example.com";
        var data = await Anonymous.DataAsync(
            "mutation($input: SignUpInput!) { signUp(input: $input) { accessToken userErrors { code } } }",
            new { input = new { email, password = "password-1", name = name ?? "Shopper" } });
        var payload = data.GetProperty("signUp");
        return new GraphQLClient(Http, payload.GetProperty("accessToken").GetString());
    }

    public async Task<GraphQLClient> SignInAdminAsync()
    {
        var data = await Anonymous.DataAsync(
            "mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken } }",
            new { email = TestSilo.AdminEmail, password = TestSilo.AdminPassword });
        var payload = data.GetProperty("signIn");
        return new GraphQLClient(Http, payload.GetProperty("accessToken").GetString());
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
