using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EShop.GraphQLGateway.Http;
using EShop.Tests.Shared;

namespace EShop.Tests.Http;

// The probes of issue 9 against the gateway: each would pass if its protection were taken away.
[Collection(GatewayCollection.Name)]
public sealed class ApiHardeningTests(GatewayFixture fixture)
{
    private const string DeepType = "type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }";

    [Fact]
    public async Task ManyAliasedIntrospections_AreRefusedBeforeTheyRun()
    {
        var aliases = string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"s{i}: __schema {{ types {{ name fields {{ name }} }} }}"));

        var (status, body) = await PostAsync("{ " + aliases + " }");

        Assert.Equal((HttpStatusCode.BadRequest, OperationLimitsRule.Code), (status, Code(body)));
        Assert.False(body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public async Task IntrospectionDeeperThanGraphiQLs_IsRefused()
    {
        // 22 levels: the deep type reference GraphiQL sends, nested three times more through fields' types.
        var query = "{ __schema { types { fields { type { fields { type { fields { " + DeepType + " } } } } } } } }";

        var (status, body) = await PostAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("depth", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MoreThanFiftyAliasesOrTwentyTopLevelFields_AreRefused()
    {
        var products = string.Join(' ', Enumerable.Range(0, 21).Select(i => $"c{i}: categories {{ id }}"));
        var nested = "{ products(first: 1) { edges { node { " + string.Join(' ', Enumerable.Range(0, 51).Select(i => $"n{i}: name")) + " } } } }";

        var (rootStatus, root) = await PostAsync("{ " + products + " }");
        var (aliasStatus, alias) = await PostAsync(nested);
        var (fineStatus, _) = await PostAsync("{ " + string.Join(' ', Enumerable.Range(0, 20).Select(i => $"c{i}: categories {{ id }}")) + " }");

        Assert.Equal((HttpStatusCode.BadRequest, OperationLimitsRule.Code), (rootStatus, Code(root)));
        Assert.Equal((HttpStatusCode.BadRequest, OperationLimitsRule.Code), (aliasStatus, Code(alias)));
        Assert.Equal(HttpStatusCode.OK, fineStatus);
    }

    [Fact]
    public async Task ABodyOverTheLimit_Is413()
    {
        var query = "{ products(first: 1, search: \"" + new string('x', GraphQLHttpEndpoint.MaxBodyBytes) + "\") { totalCount } }";

        var (status, body) = await PostAsync(query);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "REQUEST_TOO_LARGE"), (status, Code(body)));
    }

    [Fact]
    public async Task AMistypedField_GetsNoSuggestionOfWhatExists()
    {
        var (status, body) = await PostAsync("{ produc(id: \"x\") { id } }");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = body.GetProperty("errors")[0].GetProperty("message").GetString()!;
        Assert.Contains("produc", message);
        Assert.DoesNotContain("Did you mean", message);
        Assert.DoesNotContain("'product'", message);
        Assert.DoesNotContain("'Query'", message);
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders_AndGraphQLAnswersAreNotCached()
    {
        using var api = await fixture.Http.PostAsJsonAsync("/graphql", new { query = "{ categories { id } }" });
        using var page = await fixture.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/graphql") { Headers = { { "Accept", "text/html" } } });

        foreach (var response in new[] { api, page })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        }

        Assert.True(api.Headers.CacheControl?.NoStore);
        Assert.DoesNotContain("<script>", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BrowsersOnAnOriginOfTheAllowList_MayCall_AndNoOtherOrigin()
    {
        using var allowed = await PreflightAsync(GatewayFixture.AllowedOrigin);
        using var other = await PreflightAsync("https://evil.example");

        Assert.Equal(GatewayFixture.AllowedOrigin, allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task RequestsPastTheRateLimit_Are429WithRetryAfter_AndCountPerCustomer()
    {
        await using var gateway = fixture.CreateGateway(new Dictionary<string, string>
        {
            ["EShop:RateLimits:RequestsPerSecond"] = "1", ["EShop:RateLimits:Burst"] = "3",
        });
        using var http = gateway.CreateClient();
        await GatewayFixture.WaitHealthyAsync(http);
        var anonymous = new GraphQLClient(http, null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await anonymous.PostAsync("{ categories { id } }")).Status);
        }

        using var limited = await http.PostAsJsonAsync("/graphql", new { query = "{ categories { id } }" });
        var customer = await fixture.SignUpAsync();
        var (customerStatus, _) = await new GraphQLClient(http, customer.AccessToken).PostAsync("{ me { id } }");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal("RATE_LIMITED", Code(await limited.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.OK, customerStatus);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);

        // A WebSocket's operations draw on the same bucket as the same address's HTTP requests.
        await using var socket = await GraphQLWebSocketClient.ConnectAsync(gateway.Server.CreateWebSocketClient(), GraphQLWebSocketClient.SubProtocol);
        await socket.InitAsync();
        for (var i = 0; i < 5; i++)
        {
            // More than the bucket holds even if it has filled up again meanwhile.
            await socket.SubscribeAsync($"op{i}", "{ categories { id } }");
        }

        var ends = new List<JsonElement>();
        while (ends.Count < 5)
        {
            if (await socket.ReceiveAsync() is var message && message.GetProperty("type").GetString() is "complete" or "error")
            {
                ends.Add(message);
            }
        }

        Assert.Contains(ends, m => m.GetProperty("type").GetString() == "error" && m.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString() == "RATE_LIMITED");
    }

    [Fact]
    public async Task ARequestPastTheExecutionTimeout_Is504WithItsCode()
    {
        // A timeout no execution fits in: the gateway stops the request instead of letting it run on.
        await using var gateway = fixture.CreateGateway(new Dictionary<string, string> { ["EShop:GraphQL:ExecutionTimeout"] = "00:00:00" });
        using var http = gateway.CreateClient();
        await GatewayFixture.WaitHealthyAsync(http);

        using var response = await http.PostAsJsonAsync("/graphql", new { query = "{ categories { id } }" });

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("TIMEOUT", Code(await response.Content.ReadFromJsonAsync<JsonElement>()));
    }

    private Task<HttpResponseMessage> PreflightAsync(string origin) =>
        fixture.Http.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/graphql")
        {
            Headers = { { "Origin", origin }, { "Access-Control-Request-Method", "POST" }, { "Access-Control-Request-Headers", "authorization,content-type" } },
        });

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string query)
    {
        using var content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json");
        using var response = await fixture.Http.PostAsync("/graphql", content);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static string? Code(JsonElement body) =>
        body.GetProperty("errors")[0].TryGetProperty("extensions", out var extensions) ? extensions.GetProperty("code").GetString() : null;
}
