using System.Net;
using EShop.Tests.Durable;
using EShop.Tests.Shared;
using Npgsql;

namespace EShop.Tests.Observability;

[Collection(DurableCollection.Name), Trait("Category", "Integration")]
public sealed class HealthTests
{
    [Fact]
    public async Task SiloReadiness_FollowsPostgreSQL_WhileLivenessAndHealthStayUp()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        await using var proxy = new TcpProxy(new NpgsqlConnectionStringBuilder(cluster.Postgres).Port);
        proxy.Start();
        var throughProxy = new NpgsqlConnectionStringBuilder(cluster.Postgres) { Port = proxy.Port }.ConnectionString;
        var silo = await cluster.StartSiloAsync(extra: new Dictionary<string, string> { ["ConnectionStrings__Postgres"] = throughProxy });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{silo.HttpPort}") };

        var before = await StatusesAsync(http);
        proxy.Cut();
        var cut = await Eventually.MatchesAsync(() => StatusesAsync(http), s => s.Ready == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));
        proxy.Start();
        var back = await Eventually.MatchesAsync(() => StatusesAsync(http), s => s.Ready == HttpStatusCode.OK, TimeSpan.FromSeconds(30));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), before);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK), cut);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), back);
    }

    private static async Task<(HttpStatusCode Live, HttpStatusCode Ready, HttpStatusCode Health)> StatusesAsync(HttpClient http) =>
        ((await http.GetAsync("/health/live")).StatusCode, (await http.GetAsync("/health/ready")).StatusCode, (await http.GetAsync("/health")).StatusCode);
}
