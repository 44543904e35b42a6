using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EShop.Tests.Durable;
using EShop.Tests.Shared;

namespace EShop.Tests.Observability;

// The gateway in front of a cluster that goes away: it answers UNAVAILABLE at once (503, Retry-After) instead of
// holding requests for Orleans' response timeout, and serves again by itself once a silo is back.
[Collection(DurableCollection.Name), Trait("Category", "Integration")]
public sealed class FailFastTests
{
    private const string Query = "{ categories { id } }";

    [Fact]
    public async Task Gateway_WhileNoSiloAnswers_FailsFastWithUnavailable_AndRecoversWhenOneIsBack()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        var silo = await cluster.StartSiloAsync();
        var gateway = await cluster.StartGatewayAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gateway.HttpPort}"), Timeout = TimeSpan.FromSeconds(60) };
        await Eventually.MatchesAsync(async () => (await http.GetAsync("/health")).StatusCode, s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(60));
        var before = await PostAsync(http);

        await silo.FreezeAsync();
        var tripped = await Eventually.MatchesAsync(() => PostAsync(http), r => r.Status == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60));
        var clock = Stopwatch.StartNew();
        var whileDown = await PostAsync(http);
        var answeredIn = clock.Elapsed;
        silo.Kill();
        await cluster.StartSiloAsync(index: 0);
        var after = await Eventually.MatchesAsync(() => PostAsync(http), r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(90));

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "UNAVAILABLE", "5"), (whileDown.Status, whileDown.Code, whileDown.RetryAfter));
        Assert.Equal("UNAVAILABLE", tripped.Code);
        Assert.True(answeredIn < TimeSpan.FromSeconds(5), $"A request while the cluster is down took {answeredIn}.");
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    private static async Task<(HttpStatusCode Status, string? Code, string? RetryAfter)> PostAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query = Query });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var code = body.TryGetProperty("errors", out var errors) && errors[0].TryGetProperty("extensions", out var extensions)
            ? extensions.GetProperty("code").GetString()
            : null;
        return (response.StatusCode, code, response.Headers.RetryAfter?.ToString());
    }
}
