using System.Net;
using EShop.Catalog;
using EShop.Ordering;
using EShop.Payments;
using EShop.Shared;
using EShop.Silo.DemoCatalog;
using EShop.ServiceDefaults;
using EShop.Silo.Persistence;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Storage;

namespace EShop.Silo.Hosting;

public static class SiloBuilderExtensions
{
    public static readonly string[] Contexts = [StorageNames.Catalog, StorageNames.Customers, StorageNames.Carts, StorageNames.Ordering, StorageNames.Shipping, StorageNames.Favourites];

    public static SiloProfile Profile(this IConfiguration configuration) => configuration.GetValue("EShop:Profile", SiloProfile.Local);

    // Everything a silo of the shop needs except clustering: grain storage per context, transactions, the domain-event
    // streams, options and start-up tasks. The silo host and the test cluster both call this, so it exists once.
    public static ISiloBuilder AddEShopSilo(this ISiloBuilder silo)
    {
        switch (silo.Configuration.Profile())
        {
            case SiloProfile.Local:
                foreach (var name in Contexts.Append(ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME))
                {
                    silo.AddMemoryGrainStorage(name);
                }

                silo.AddMemoryStreams(StreamNames.Provider);
                silo.UseInMemoryReminderService();
                foreach (var context in StorageNames.WithEventLogs)
                {
                    silo.Services.AddKeyedSingleton<IEventLog>(context, (sp, _) => new GrainStorageEventLog(sp.GetRequiredKeyedService<IGrainStorage>(context)));
                }
                break;
            case SiloProfile.Durable:
                silo.AddPostgresGrainStorage(Contexts, withStreamQueue: true).AddPostgresStreams(StreamNames.Provider);
                break;
            case SiloProfile.Azure:
                silo.AddPostgresGrainStorage(Contexts, withStreamQueue: false).AddEventHubDomainEvents(StreamNames.Provider);
                break;
        }

        // A pulling agent looks through every stream it has delivered to at each read of its queue, and keeps a stream
        // for StreamInactivityPeriod after its last event: Orleans' default, 30 minutes, kept every product's catalog
        // stream of a 100,000-product load while that stream was keyed by SKU (about 25,000 per queue; the look took 7 %
        // of the silo's CPU in the search benchmark), and the offers stream still is. A stream quiet for a minute is let
        // go; its next event sets it up again.
        silo.Services.Configure<StreamPullingAgentOptions>(StreamNames.Provider, o => o.StreamInactivityPeriod = TimeSpan.FromMinutes(1));

        silo.UseTransactions();
        LockTimeoutTransactionAgent.Decorate(silo.Services);
        silo.Services.AddSingleton<TransactionSenders>();
        silo.Services.AddSingleton<IOutgoingGrainCallFilter>(services => services.GetRequiredService<TransactionSenders>());
        silo.Services.AddSingleton<IIncomingGrainCallFilter>(services => services.GetRequiredService<TransactionSenders>());
        silo.AddIncomingGrainCallFilter<PermissionFilter>();
        if (ClusterTls.Certificate(silo.Configuration) is { } certificate)
        {
            silo.UseTls(certificate, options => ClusterTls.Configure(options, certificate));
        }

        // A grain call carries its caller's trace: one storefront request is one trace from the gateway down.
        silo.AddActivityPropagation();

        // The payment ledger is event-sourced; its grain reads and appends its events through IEventLog. Unkeyed, the
        // event log is the ordering context's (the ledger, the audit log).
        silo.Services.AddSingleton(sp => sp.GetRequiredKeyedService<IEventLog>(StorageNames.Ordering));
        silo.AddCustomStorageBasedLogConsistencyProvider(PaymentGrain.LogProvider);

        // Saga and tracking reminders tick at configured intervals (seconds in tests); Orleans' default floor is a minute.
        silo.Services.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        silo.AddThirdParties();

        // Orleans:Transactions binds TransactionalStateOptions. LockTimeout (how long a transaction may hold a lock: one
        // whose coordinator died holds it that long; LockTimeoutTransactionAgent makes it the only bound),
        // RemoteTransactionPingFrequency (how long a participant left prepared by a crashed transaction manager waits
        // before asking for the outcome) and PrepareTimeout (how long a manager waits for a dead participant) bound how
        // long a crash keeps a product locked (docs/architecture.md, Recovery).
        silo.Services.Configure<TransactionalStateOptions>(silo.Configuration.GetSection("Orleans:Transactions"));
        silo.Services.AddSingleton(TimeProvider.System);

        // Each silo's copy of the catalog, which every catalog read is served from.
        silo.Services.AddSingleton<CatalogView>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredService<CatalogView>());
        silo.Services.AddOptions<OrderingOptions>().BindConfiguration(OrderingOptions.Section);
        silo.Services.AddMetrics();
        silo.Services.AddSingleton<OrderingMetrics>();

        // Made at start, so the business series are scraped (at 0) before the first order.
        silo.AddStartupTask((services, _) =>
        {
            services.GetRequiredService<OrderingMetrics>();
            return Task.CompletedTask;
        });
        silo.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        silo.Services.AddOptions<DemoCatalogOptions>().BindConfiguration(DemoCatalogOptions.Section);
        silo.AddStartupTask<AdminBootstrapTask>();
        silo.AddStartupTask<DemoCatalogLoader>();
        return silo;
    }

    // Clustering for a silo host (the test cluster brings its own): localhost for Local, Redis membership otherwise,
    // with ports from Orleans:SiloPort / Orleans:GatewayPort so several silos can share a machine.
    public static ISiloBuilder UseEShopClustering(this ISiloBuilder silo)
    {
        var configuration = silo.Configuration;
        var orleans = configuration.GetSection("Orleans");
        var siloPort = orleans.GetValue("SiloPort", EndpointOptions.DEFAULT_SILO_PORT);
        var gatewayPort = orleans.GetValue("GatewayPort", EndpointOptions.DEFAULT_GATEWAY_PORT);
        var (serviceId, clusterId) = (orleans.GetValue("ServiceId", "eshop")!, orleans.GetValue("ClusterId", "eshop-local")!);
        if (configuration.Profile() == SiloProfile.Local)
        {
            return silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: clusterId);
        }

        silo.Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (serviceId, clusterId));

        // How fast a dead silo is declared dead (probe timeouts, missed probes, votes) is the operator's trade-off
        // between false positives and recovery time: Orleans:Membership binds ClusterMembershipOptions.
        silo.Services.Configure<ClusterMembershipOptions>(orleans.GetSection("Membership"));
        var redis = configuration.GetConnectionString("Redis")
            ?? throw new InvalidOperationException("The Durable profile needs ConnectionStrings:Redis (ConnectionStrings__Redis).");
        var advertised = IPAddress.Parse(orleans.GetValue("AdvertisedIP", IPAddress.Loopback.ToString())!);
        return silo.UseRedisClustering(redis).ConfigureEndpoints(advertised, siloPort, gatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised));
    }
}
