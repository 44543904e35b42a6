using EShop.ServiceDefaults;
using EShop.Shared;
using EShop.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace EShop.Tests.Shared;

// The test cluster: the silo configuration is the host's own AddEShopSilo, on the memory providers.
public static class TestSilo
{
    public const string AdminEmail = "admin@eshop.test";
    public const string AdminPassword = "admin-password-1";

    // configure: anything else a fixture adds to the cluster (e.g. a TelemetryRecorder's silo configurator).
    public static async Task<TestCluster> StartAsync(short silos, IReadOnlyDictionary<string, string>? settings = null, Action<TestClusterBuilder>? configure = null)
    {
        var builder = new TestClusterBuilder(silos);

        // Real sockets: the gateway under test connects to this cluster as it would to a deployed one.
        builder.Options.ConnectionTransport = ConnectionTransportType.TcpSocket;
        builder.Properties["EShop:Profile"] = "Local";
        builder.Properties["EShop:Admin:Email"] = AdminEmail;
        builder.Properties["EShop:Admin:Password"] = AdminPassword;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.Properties[key] = value;
        }

        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        configure?.Invoke(builder);
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddEShopSilo();
    }

    // Tests call transactional grain methods and read event streams directly, as the gateway and consumers do.
    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
        {
            clientBuilder.UseTransactions().AddMemoryStreams(StreamNames.Provider).ActingAsTheShop();
            if (ClusterTls.Certificate(configuration) is { } certificate)
            {
                clientBuilder.UseTls(certificate, options => ClusterTls.Configure(options, certificate));
            }
        }
    }
}
