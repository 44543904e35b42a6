using EShop.Ordering;
using EShop.Shared;
using EShop.Silo.DemoCatalog;
using Orleans.Configuration;
using Orleans.Providers;

namespace EShop.Silo.Hosting;

public static class SiloBuilderExtensions
{
    // Everything a silo of the shop needs except clustering: grain storage per context, transactions, the domain-event
    // streams, options and start-up tasks. The silo host and the test cluster both call this, so it exists once.
    public static ISiloBuilder AddEShopSilo(this ISiloBuilder silo)
    {
        var profile = silo.Configuration.GetValue("EShop:Profile", SiloProfile.Local);
        switch (profile)
        {
            case SiloProfile.Local:
                foreach (var name in new[] { StorageNames.Catalog, StorageNames.Customers, StorageNames.Carts, StorageNames.Ordering, ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME })
                {
                    silo.AddMemoryGrainStorage(name);
                }

                silo.AddMemoryStreams(StreamNames.Provider);
                break;
            default:
                throw new NotSupportedException($"EShop:Profile '{profile}' is not supported by this build.");
        }

        silo.UseTransactions();
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddOptions<OrderingOptions>().BindConfiguration(OrderingOptions.Section);
        silo.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        silo.Services.AddOptions<DemoCatalogOptions>().BindConfiguration(DemoCatalogOptions.Section);
        silo.AddStartupTask<AdminBootstrapTask>();
        silo.AddStartupTask<DemoCatalogLoader>();
        return silo;
    }

    // Clustering for a silo host (the test cluster brings its own).
    public static ISiloBuilder UseEShopClustering(this ISiloBuilder silo)
    {
        var orleans = silo.Configuration.GetSection("Orleans");
        return silo.UseLocalhostClustering(
            siloPort: orleans.GetValue("SiloPort", EndpointOptions.DEFAULT_SILO_PORT),
            gatewayPort: orleans.GetValue("GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT),
            serviceId: orleans.GetValue("ServiceId", "eshop")!,
            clusterId: orleans.GetValue("ClusterId", "eshop-local")!);
    }
}
