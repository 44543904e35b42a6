using System.Net;
using EShop.Catalog;
using EShop.Tests.Durable;
using EShop.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace EShop.Tests.Http;

// A cluster whose Orleans connections are TLS (Orleans:Tls): two silos, the test cluster's client and a gateway host
// all present the cluster's certificate; a client without it cannot connect.
public sealed class ClusterTlsTests
{
    [Fact]
    public async Task TlsCluster_ServesItsOwnClientsAndGateway_AndRefusesAPlainClient()
    {
        using var certificates = TestCertificates.SelfSigned();
        var cluster = await TestSilo.StartAsync(silos: 2, new Dictionary<string, string>
        {
            ["Orleans:Tls:CertificatePath"] = certificates.Path, ["Orleans:Tls:CertificatePassword"] = TestCertificates.Password,
        });
        await using var _ = cluster;

        // Grains on both silos: the catalog's shards land on either, and a product's view is pushed to every silo.
        var products = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => TestCatalog.CreateProductAsync(cluster.GrainFactory)));
        Assert.All(products, p => Assert.Equal(10, p.Stock));

        await using var gateway = await HostProcess.StartAsync("GraphQLGateway", new Dictionary<string, string>
        {
            ["Orleans__GatewayPort"] = cluster.Primary!.GatewayAddress!.Endpoint.Port.ToString(),
            ["Orleans__ServiceId"] = cluster.Options.ServiceId,
            ["Orleans__ClusterId"] = cluster.Options.ClusterId,
            ["Orleans__Tls__CertificatePath"] = certificates.Path,
            ["Orleans__Tls__CertificatePassword"] = TestCertificates.Password,
            ["EShop__Jwt__SigningKey"] = "a cluster-tls test signing key, long enough",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        var read = await new GraphQLClient(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gateway.HttpPort}") }, null)
            .DataAsync("query($id: ID!) { product(id: $id) { id } }", new { id = products[0].Id });
        Assert.Equal(products[0].Id, read.GetProperty("product").GetProperty("id").GetString());

        using var plain = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .UseOrleansClient(client => client
                .UseStaticClustering(new IPEndPoint(IPAddress.Loopback, cluster.Primary.GatewayAddress.Endpoint.Port))
                .Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (cluster.Options.ServiceId, cluster.Options.ClusterId))
                .UseConnectionRetryFilter((_, _) => Task.FromResult(false)))
            .Build();
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await plain.StartAsync();
            await plain.Services.GetRequiredService<IClusterClient>().GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetProductAsync(products[0].Id).WaitAsync(TimeSpan.FromSeconds(20));
        });
    }
}
