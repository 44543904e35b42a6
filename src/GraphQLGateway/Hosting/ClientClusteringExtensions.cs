using EShop.ServiceDefaults;
using System.Net;
using Orleans.Configuration;
using Orleans.Runtime;

namespace EShop.GraphQLGateway.Hosting;

public static class ClientClusteringExtensions
{
    // Finds the silos: through Redis membership in the Durable and Azure profiles (the client follows silos as they
    // come and go), or the local silo's gateway port in the Local one.
    public static IClientBuilder UseEShopClustering(this IClientBuilder client, IConfiguration configuration)
    {
        // Read when the client starts, not now, so a test host can point the gateway at its own cluster.
        client.Services.AddOptions<ClusterOptions>().Configure<IConfiguration>((options, config) =>
        {
            options.ServiceId = config.GetValue("Orleans:ServiceId", "eshop")!;
            options.ClusterId = config.GetValue("Orleans:ClusterId", "eshop-local")!;
        });

        if (ClusterTls.Certificate(configuration) is { } certificate)
        {
            client.UseTls(certificate, options => ClusterTls.Configure(options, certificate));
        }

        if (configuration["EShop:Profile"] is "Durable" or "Azure")
        {
            // The client sends through the silos' gateways it knows, and learns of them from Redis every
            // GatewayListRefreshPeriod: Orleans' one minute left a gateway started with the first silo sending
            // everything through that one, so killing it caught every request in flight, and the client had only a
            // dead gateway until it looked again. Orleans:Gateway binds GatewayOptions.
            client.Services.AddOptions<GatewayOptions>()
                .Configure(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5))
                .BindConfiguration("Orleans:Gateway");
            return client.UseRedisClustering(configuration.GetConnectionString("Redis")
                ?? throw new InvalidOperationException("The Durable profile needs ConnectionStrings:Redis (ConnectionStrings__Redis)."));
        }

        return client.UseStaticClustering(gateways => gateways.Configure<IConfiguration>((options, config) =>
            options.Gateways = [new IPEndPoint(IPAddress.Loopback, config.GetValue("Orleans:GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT)).ToGatewayUri()]));
    }
}
