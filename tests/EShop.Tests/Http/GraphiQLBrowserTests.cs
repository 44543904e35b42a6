using System.Text.Json;
using EShop.Tests.Durable;
using EShop.Tests.Ordering;
using EShop.Tests.Shared;
using Microsoft.Playwright;

namespace EShop.Tests.Http;

// GraphiQL in a real browser (Debian's Chromium, driven by Playwright): the page loads with no request leaving the
// gateway, a query typed in it runs against the cluster, and a subscription runs over its WebSocket.
[Collection(GatewayCollection.Name)]
public sealed class GraphiQLBrowserTests(GatewayFixture fixture)
{
    [Fact]
    public async Task GraphiQL_InARealBrowser_LoadsOfflineAndRunsTheExampleQuery()
    {
        await using var gateway = await StartGatewayAsync();
        var origin = $"http://127.0.0.1:{gateway.HttpPort}";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };

        await page.GotoAsync(origin + "/graphql");
        await page.Locator(".graphiql-execute-button").ClickAsync();

        await Assertions.Expect(page.Locator(".result-window")).ToContainTextAsync("\"categories\"", new() { Timeout = 30_000 });
        Assert.Empty(elsewhere);
    }

    [Fact]
    public async Task GraphiQL_InARealBrowser_FollowsAnOrderOverItsWebSocket()
    {
        await using var gateway = await StartGatewayAsync();
        var origin = $"http://127.0.0.1:{gateway.HttpPort}";
        using var http = new HttpClient { BaseAddress = new Uri(origin) };
        var (owner, orderId) = await PlaceOrderAsync(http);

        // A tab GraphiQL restores from session storage, where it keeps them: the subscription, and the owner's token in
        // the Headers pane. Run straight after loading, before the editor has parsed it.
        var tabs = JsonSerializer.Serialize(new
        {
            activeTabIndex = 0,
            tabs = new[]
            {
                new
                {
                    id = "follow", title = "Follow", operationName = (string?)null, variables = (string?)null, response = (string?)null,
                    query = $"subscription {{ orderUpdated(orderId: \"{orderId}\") {{ id status }} }}",
                    headers = JsonSerializer.Serialize(new Dictionary<string, string> { ["Authorization"] = "Bearer " + owner.AccessToken }),
                },
            },
        });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.AddInitScriptAsync($"sessionStorage.setItem('graphiql:tabState', {JsonSerializer.Serialize(tabs)});");

        await page.GotoAsync(origin + "/graphql");
        await page.GetByText("Follow", new() { Exact = true }).ClickAsync();
        await page.Locator(".graphiql-execute-button").ClickAsync();
        await Assertions.Expect(page.Locator(".result-window")).ToContainTextAsync(orderId, new() { Timeout = 30_000 });
        await owner.DataAsync("mutation($id: ID!) { cancelOrder(orderId: $id) { userErrors { code } } }", new { id = orderId });

        await Assertions.Expect(page.Locator(".result-window")).ToContainTextAsync("CANCELLED", new() { Timeout = 30_000 });

        // The token was in the Headers pane; nothing GraphiQL wrote outlives the browser tab.
        Assert.DoesNotContain(owner.AccessToken!, await page.EvaluateAsync<string>("JSON.stringify(localStorage)"));
        Assert.Contains(owner.AccessToken!, await page.EvaluateAsync<string>("JSON.stringify(sessionStorage)"));
    }

    private Task<HostProcess> StartGatewayAsync() => HostProcess.StartAsync("GraphQLGateway", new Dictionary<string, string>
    {
        ["Orleans__GatewayPort"] = fixture.Cluster.Primary!.GatewayAddress!.Endpoint.Port.ToString(),
        ["Orleans__ServiceId"] = fixture.Cluster.Options.ServiceId,
        ["Orleans__ClusterId"] = fixture.Cluster.Options.ClusterId,
        ["ASPNETCORE_CONTENTROOT"] = Path.Combine(RepositoryFiles.Root, "src", "GraphQLGateway"),
        ["EShop__Jwt__SigningKey"] = "a browser-test signing key that is long enough",
        ["Logging__LogLevel__Default"] = "Warning",
    });

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });

    // A new customer with an order, through the gateway under test (its tokens are signed with its own key).
    private async Task<(GraphQLClient Owner, string OrderId)> PlaceOrderAsync(HttpClient http)
    {
        var signUp = await new GraphQLClient(http, null).DataAsync(
            "mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }",
            new { input = new { email = $"browser-{Guid.NewGuid():N}@example.com", password = "password-1", name = "Browser" } });
        var owner = new GraphQLClient(http, signUp.GetProperty("signUp").GetProperty("accessToken").GetString());
        return (owner, await StorefrontOrders.PlaceAsync(owner, fixture.Grains));
    }
}
