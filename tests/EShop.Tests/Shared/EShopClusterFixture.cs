using Orleans.TestingHost;

namespace EShop.Tests.Shared;

// One two-silo cluster per collection; tests use fresh keys, never a reset.
public sealed class EShopClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync() => Cluster = await TestSilo.StartAsync(silos: 2);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<EShopClusterFixture>
{
    public const string Name = "cluster";
}
