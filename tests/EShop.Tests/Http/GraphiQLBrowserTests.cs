using EShop.Tests.Durable;
using EShop.Tests.Shared;
using Microsoft.Playwright;

namespace EShop.Tests.Http;

// GraphiQL in a real browser (Debian's Chromium, driven by Playwright): the page loads with no request leaving the
// gateway, and a query typed in it runs against the cluster.
[Collection(GatewayCollection.Name)]
public sealed class GraphiQLBrowserTests(GatewayFixture fixture)
{
    [Fact]
    public async Task GraphiQL_InARealBrowser_LoadsOfflineAndRunsTheExampleQuery()
    {
        await using var gateway = await HostProcess.StartAsync("GraphQLGateway", new Dictionary<string, string>
        {
            ["Orleans__GatewayPort"] = fixture.Cluster.Primary!.GatewayAddress!.Endpoint.Port.ToString(),
            ["Orleans__ServiceId"] = fixture.Cluster.Options.ServiceId,
            ["Orleans__ClusterId"] = fixture.Cluster.Options.ClusterId,
            ["ASPNETCORE_CONTENTROOT"] = Path.Combine(RepositoryFiles.Root, "src", "GraphQLGateway"),
            ["EShop__Jwt__SigningKey"] = "a browser-test signing key that is long enough",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        var origin = $"http://127.0.0.1:{gateway.HttpPort}";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox"] });
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
}
