using EShop.GraphQLGateway.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace EShop.Tests.Http;

public sealed class GatewayClusteringTests
{
    private static GatewayOptions GatewayOptionsFor(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleansClient(client => client.UseEShopClustering(builder.Configuration));
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
    }

    // Not Orleans' minute: a gateway started with the first silo would send everything through that one until then.
    [Fact]
    public void Durable_LearnsTheSilosGatewaysEveryFiveSeconds_UnlessConfigured()
    {
        var durable = new Dictionary<string, string?> { ["EShop:Profile"] = "Durable", ["ConnectionStrings:Redis"] = "127.0.0.1:1" };
        Assert.Equal(TimeSpan.FromSeconds(5), GatewayOptionsFor(durable).GatewayListRefreshPeriod);

        durable["Orleans:Gateway:GatewayListRefreshPeriod"] = "00:00:30";
        Assert.Equal(TimeSpan.FromSeconds(30), GatewayOptionsFor(durable).GatewayListRefreshPeriod);
    }
}
