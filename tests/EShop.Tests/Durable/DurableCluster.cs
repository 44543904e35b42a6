using EShop.Shared;
using EShop.Tests.Shared;
using Microsoft.Extensions.Configuration;
using EShop.Silo.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Streams;

namespace EShop.Tests.Durable;

// A Durable-profile cluster of silo processes on a fresh database, with its own service and cluster ids in Redis,
// and an Orleans client of it, configured as the gateway configures its own.
public sealed class DurableCluster : IAsyncDisposable
{
    // The key personal data in grain state is encrypted with (PersonalDataProtector).
    public static readonly string EncryptionKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private readonly string _clusterId = "it-" + Guid.NewGuid().ToString("N")[..10];
    private readonly List<IHost> _clients = [];

    private DurableCluster(string postgres) => Postgres = postgres;

    public string Postgres { get; }

    public List<HostProcess> Silos { get; } = [];

    public HostProcess? Gateway { get; private set; }

    public static async Task<DurableCluster> CreateAsync() => new(await DurableServices.CreateDatabaseAsync());

    // A silo restarted under the same index comes back on the same ports, as a restarted process would: it then
    // finds its own dead predecessor in the membership table and declares it dead instead of waiting on it.
    private readonly Dictionary<int, (int Silo, int Gateway)> _ports = [];

    public IReadOnlyDictionary<string, string> Settings(int index)
    {
        if (!_ports.TryGetValue(index, out var ports))
        {
            _ports[index] = ports = (HostProcess.FreePort(), HostProcess.FreePort());
        }

        return Settings(ports.Silo, ports.Gateway);
    }

    private Dictionary<string, string> Settings(int siloPort, int gatewayPort) => new()
    {
        ["EShop__Profile"] = "Durable",
        ["ConnectionStrings__Postgres"] = Postgres,
        ["ConnectionStrings__Redis"] = DurableServices.Redis,
        ["Orleans__ServiceId"] = _clusterId,
        ["Orleans__ClusterId"] = _clusterId,
        ["Orleans__SiloPort"] = siloPort.ToString(),
        ["Orleans__GatewayPort"] = gatewayPort.ToString(),
        // Declare a killed silo dead after two missed 2-second probes, so the tests wait seconds, not half a minute.
        ["Orleans__Membership__ProbeTimeout"] = "00:00:02",
        ["Orleans__Membership__NumMissedProbesLimit"] = "2",
        ["Orleans__Membership__NumVotesForDeathDeclaration"] = "1",
        ["Orleans__Transactions__RemoteTransactionPingFrequency"] = "00:00:02",
        ["EShop__DemoCatalog__Enabled"] = "false",
        ["EShop__Encryption__Key"] = EncryptionKey,
        // A saga waiting on the processor (or recovering from a crash) looks again every two seconds.
        ["EShop__Ordering__PaymentRetryInterval"] = "00:00:02",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__EShop"] = "Information",
    };

    // extra: settings of this silo on top of the cluster's (e.g. where its payment processor is).
    public async Task<HostProcess> StartSiloAsync(int? index = null, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>(Settings(index ?? Silos.Count));
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var silo = await HostProcess.StartAsync("Silo", settings);
        Silos.Add(silo);
        return silo;
    }

    // The GraphQL gateway, finding the silos through Redis as in a deployment.
    public async Task<HostProcess> StartGatewayAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["EShop__Profile"] = "Durable",
            ["ConnectionStrings__Redis"] = DurableServices.Redis,
            ["Orleans__ServiceId"] = _clusterId,
            ["Orleans__ClusterId"] = _clusterId,
            ["EShop__Jwt__SigningKey"] = "an integration-test signing key of enough bytes",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        return Gateway = await HostProcess.StartAsync("GraphQLGateway", settings);
    }

    public async Task<IClusterClient> ConnectClientAsync()
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .UseOrleansClient(client => client
                .UseRedisClustering(DurableServices.Redis)
                .Configure<ClusterOptions>(o => (o.ServiceId, o.ClusterId) = (_clusterId, _clusterId))
                .UseTransactions()
                .ActingAsTheShop()
                .AddAdoNetStreams(StreamNames.Provider, streams =>
                {
                    streams.ConfigureAdoNet(o => o.Configure(options =>
                        (options.Invariant, options.ConnectionString) = ("Npgsql", PostgresConnections.For(Configuration, PostgresConnections.ClusterSchema))));
                    streams.ConfigurePartitioning(PostgresProviders.StreamQueues);
                    streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                }))
            .Build();
        await host.StartAsync();
        _clients.Add(host);
        return host.Services.GetRequiredService<IClusterClient>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.StopAsync(TimeSpan.FromSeconds(5));
            client.Dispose();
        }

        foreach (var host in Silos.Append(Gateway).OfType<HostProcess>())
        {
            await host.DisposeAsync();
        }

        await DurableServices.DropDatabaseAsync(Postgres);
    }

    private IConfiguration Configuration => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = Postgres })
        .Build();
}
