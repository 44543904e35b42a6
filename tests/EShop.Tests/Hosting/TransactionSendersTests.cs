using EShop.Catalog;
using EShop.Silo.Hosting;
using EShop.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.TestingHost;
using Orleans.Transactions;

namespace EShop.Tests.Hosting;

// A dead silo: the second silo, stopped at once and declared dead through the membership. The test client speaks for
// it, setting the request context entry a silo stamps on the transactional requests it sends.
public sealed class TransactionSendersTests
{
    [Fact]
    public async Task ARequestFromADeadSilo_IsRefused_AndChangesNothing()
    {
        await using var cluster = await TestSilo.StartAsync(2, configure: c => c.AddClientBuilderConfigurator<FirstSiloGatewayOnly>());
        var grains = cluster.Client;
        var product = await ProductOnFirstSiloAsync(cluster);
        var dead = await KillSecondSiloAsync(cluster);
        var transactions = grains.ServiceProvider.GetRequiredService<ITransactionClient>();
        var reserve = grains.GetGrain<IProductGrain>(product.Id);

        var refused = await Assert.ThrowsAnyAsync<OrleansTransactionException>(() => Task.Run(async () =>
        {
            RequestContext.Set(TransactionSenders.SenderKey, dead);
            await transactions.RunTransaction(TransactionOption.Create, () => reserve.ReserveAsync(1, 5m));
        }));
        Assert.Contains("has been declared dead", refused.ToString());

        // The same reservation from a live sender goes through, and is the only one applied.
        await transactions.RunTransaction(TransactionOption.Create, () => reserve.ReserveAsync(1, 5m));
        Assert.Equal(9, (await reserve.GetAsync())!.Stock);
    }

    [Fact]
    public async Task ARequestWhoseSenderDiesWhileItWaitsForTheLock_ReleasesTheLockAtOnce_AndChangesNothing()
    {
        await using var cluster = await TestSilo.StartAsync(2, configure: c => c.AddClientBuilderConfigurator<FirstSiloGatewayOnly>());
        var grains = cluster.Client;
        var product = await ProductOnFirstSiloAsync(cluster);
        var transactions = grains.ServiceProvider.GetRequiredService<ITransactionClient>();
        var reserve = grains.GetGrain<IProductGrain>(product.Id);
        var second = cluster.SecondarySilos[0].SiloAddress;

        // The first transaction holds the product's lock until released.
        var release = new TaskCompletionSource();
        var reserved = new TaskCompletionSource();
        var holder = transactions.RunTransaction(TransactionOption.Create, async () =>
        {
            await reserve.ReserveAsync(1, 5m);
            reserved.SetResult();
            await release.Task;
        });
        await reserved.Task;

        // The second, sent by the second silo while it lives, queues for the lock; the silo then dies.
        var waiter = Task.Run(async () =>
        {
            RequestContext.Set(TransactionSenders.SenderKey, second);
            await transactions.RunTransaction(TransactionOption.Create, () => reserve.ReserveAsync(1, 5m));
        });
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(waiter.IsCompleted);
        await KillSecondSiloAsync(cluster);
        release.SetResult();
        await holder;

        // It gets the lock for a coordinator that is gone: its transaction is aborted there and then.
        await Assert.ThrowsAnyAsync<OrleansTransactionException>(() => waiter);
        await transactions.RunTransaction(TransactionOption.Create, () => reserve.ReserveAsync(1, 5m));
        Assert.Equal(8, (await reserve.GetAsync())!.Stock);
    }

    [Fact]
    public async Task TheSilo_StartsTransactionsWithTheConfiguredLockTimeout()
    {
        var inner = new RecordingAgent();
        var agent = new LockTimeoutTransactionAgent(inner, Options.Create(new TransactionalStateOptions { LockTimeout = TimeSpan.FromSeconds(3) }));

        await agent.StartTransaction(readOnly: true, TimeSpan.FromSeconds(10));

        Assert.Equal((true, TimeSpan.FromSeconds(3)), Assert.Single(inner.Started));

        // And it is the agent the silo uses.
        await using var cluster = await TestSilo.StartAsync(1);
        Assert.IsType<LockTimeoutTransactionAgent>(((InProcessSiloHandle)cluster.Primary!).SiloHost!.Services.GetRequiredService<ITransactionAgent>());
    }

    // A product whose activation is on the silo that stays up: made again until one is.
    private static async Task<ProductSnapshot> ProductOnFirstSiloAsync(TestCluster cluster)
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        while (true)
        {
            var product = await TestCatalog.CreateProductAsync(cluster.Client, price: 5m, stock: 10);
            if (await management.GetActivationAddress(cluster.Client.GetGrain<IProductGrain>(product.Id)) == cluster.Primary!.SiloAddress)
            {
                return product;
            }
        }
    }

    // Stops the second silo at once and declares it dead, as the membership does after missed probes; waits until the
    // first silo sees it so.
    private static async Task<SiloAddress> KillSecondSiloAsync(TestCluster cluster)
    {
        var second = cluster.SecondarySilos[0].SiloAddress;
        await cluster.KillSiloAsync(cluster.SecondarySilos[0]);
        var membership = ((InProcessSiloHandle)cluster.Primary!).SiloHost!.Services.GetRequiredService<IClusterMembershipService>();
        Assert.True(await membership.TryKill(second));
        Assert.Equal(SiloStatus.Dead, await Eventually.MatchesAsync(() => Task.FromResult(membership.CurrentSnapshot.GetSiloStatus(second)), s => s == SiloStatus.Dead));
        return second;
    }

    // The test client speaks through the first silo's gateway only: answers sent back through the second silo's would be
    // lost with it, and the test would wait out Orleans' 30 s call timeout.
    private sealed class FirstSiloGatewayOnly : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.Services.PostConfigure<StaticGatewayListProviderOptions>(options =>
                options.Gateways = [.. options.Gateways.Where(g => g.Port == int.Parse(configuration[nameof(TestClusterOptions.BaseGatewayPort)]!))]);
    }

    private sealed class RecordingAgent : ITransactionAgent
    {
        public List<(bool ReadOnly, TimeSpan Timeout)> Started { get; } = [];

        public Task<TransactionInfo> StartTransaction(bool readOnly, TimeSpan timeout)
        {
            Started.Add((readOnly, timeout));
            return Task.FromResult(new TransactionInfo(Guid.NewGuid(), DateTime.UtcNow, DateTime.UtcNow, readOnly));
        }

        public Task<(TransactionalStatus Status, Exception? exception)> Resolve(TransactionInfo transactionInfo) => throw new NotSupportedException();

        public Task Abort(TransactionInfo transactionInfo) => throw new NotSupportedException();
    }
}
