using Orleans.TestingHost;

namespace EShop.Tests.Shared;

// A two-silo cluster whose processor and carrier are a SandboxServer of their own (the configured-URL path), with the
// saga's clock turned to seconds: payment retried every second and given up after fifteen, a parcel moved every second.
// Its tests may turn the processor down; they run one at a time, in their own collection.
public sealed class SagaClusterFixture : IAsyncLifetime
{
    public static readonly TimeSpan PaymentTimeout = TimeSpan.FromSeconds(15);

    public SandboxServer Sandbox { get; private set; } = null!;

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        const string step = "00:00:01";
        Sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?> { ["EShop:Shipping:SandboxStepInterval"] = step });
        Cluster = await TestSilo.StartAsync(silos: 2, new Dictionary<string, string>
        {
            ["EShop:Payments:ProcessorUrl"] = Sandbox.Url.ToString(),
            ["EShop:Shipping:CarrierUrl"] = Sandbox.Url.ToString(),
            ["EShop:Shipping:SandboxStepInterval"] = step,
            ["EShop:Ordering:PaymentTimeout"] = PaymentTimeout.ToString(),
            ["EShop:Ordering:PaymentRetryInterval"] = "00:00:01",
            ["EShop:Payments:Resilience:CircuitBreaker:BreakDuration"] = "00:00:02",
        });
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SagaCollection : ICollectionFixture<SagaClusterFixture>
{
    public const string Name = "saga";
}
