using EShop.Catalog;
using EShop.Ordering;
using EShop.Tests.Ordering;
using EShop.Tests.Shared;
using Npgsql;
using Xunit.Abstractions;

namespace EShop.Tests.Durable;

// The saga's crash windows on the Durable profile, with silo processes killed by SIGKILL: between the commit of an
// order and the publication of its events, and between a payment's authorization and its capture.
[Collection(DurableCollection.Name), Trait("Category", "Integration")]
public sealed class DurableSagaTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task KillNineBetweenCommitAndPublication_EveryEventIsDeliveredByTheNextSilo()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        var silo = await cluster.StartSiloAsync();
        var grains = await cluster.ConnectClientAsync();
        var product = await TestCatalog.CreateProductAsync(grains, price: 8m, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(grains, (product.Id, 1));
        var request = Checkouts.Request(customerId);
        var orderId = OrderIds.ForCheckout(customerId, request.IdempotencyKey);

        // The stream queue is locked: the order commits, and its publication then waits on the lock.
        await using (var locker = new NpgsqlConnection(cluster.Postgres))
        {
            await locker.OpenAsync();
            await using var hold = await locker.BeginTransactionAsync();
            await new NpgsqlCommand("LOCK TABLE orleans.stream_messages IN EXCLUSIVE MODE", locker, hold).ExecuteNonQueryAsync();
            var checkout = Checkouts.CheckoutAsync(grains, request);
            var committed = await Eventually.MatchesAsync(() => grains.GetGrain<IOrderGrain>(orderId).GetAsync(), o => o is not null, TimeSpan.FromSeconds(30));
            Assert.Equal(["OrderPlaced"], committed!.Outbox.Select(e => e.Event.GetType().Name));
            Assert.False(checkout.IsCompleted);
            silo.Kill();
        }

        await cluster.StartSiloAsync(index: 0);
        var order = await Orders.WaitForAsync(grains, orderId, o => o.Outbox.IsEmpty && o.Status == OrderStatus.Paid, Recovery);
        var history = await Eventually.MatchesAsync(() => grains.GetGrain<IProductHistoryGrain>(product.Id).GetAsync(), h => h.Any(e => e.Type == "StockChanged"));
        // A message the killed silo had taken and not confirmed is delivered again after the queue's visibility timeout (30 s).
        var undelivered = await Eventually.MatchesAsync(() => CountAsync(cluster, "SELECT count(*) FROM orleans.stream_messages"), n => n == 0, Recovery);

        Assert.Equal([OrderTimeline.Placed, OrderTimeline.Paid], order.Timeline.Select(e => e.Type));
        Assert.Equal("sold -1 -> 4", Assert.Single(history, e => e.Type == "StockChanged").Detail);
        Assert.Equal(4, (await grains.Catalog().GetProductAsync(product.Id))!.Stock);
        Assert.Equal(orderId, Assert.Single((await grains.History(customerId).GetPageAsync(0, 10)).OrderIds));
        output.WriteLine(await DumpAsync(cluster));
        Assert.Equal(0, undelivered);
        Assert.Equal(0, await CountAsync(cluster, "SELECT count(*) FROM orleans.stream_dead_letters"));
    }

    [Fact]
    public async Task KillNineBetweenAuthorizeAndCapture_ChargesOnceAndTheOrderIsPaid()
    {
        await using var sandbox = await SandboxServer.StartAsync(new Dictionary<string, string?>());
        await using var cluster = await DurableCluster.CreateAsync();
        var processor = new Dictionary<string, string>
        {
            ["EShop__Payments__ProcessorUrl"] = sandbox.Url.ToString(),
            ["EShop__Shipping__CarrierUrl"] = sandbox.Url.ToString(),
        };
        var silo = await cluster.StartSiloAsync(extra: processor);
        var grains = await cluster.ConnectClientAsync();
        var product = await TestCatalog.CreateProductAsync(grains, price: 12m, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(grains, (product.Id, 1));

        // Each processor call takes a second and a half (within the client's attempt timeout): the silo dies while the
        // capture is on its way.
        await sandbox.SetProcessorAsync(latencyMs: 1500);
        var placed = (await Checkouts.CheckoutAsync(grains, Checkouts.Request(customerId))).Value!;
        await Eventually.MatchesAsync(() => LedgerAsync(cluster, placed.Id), l => l.Count == 3, TimeSpan.FromSeconds(30));
        silo.Kill();
        var atKill = await LedgerAsync(cluster, placed.Id);

        // The approval and the capture's start are one append (ChargeAsync): the same PostgreSQL transaction wrote them.
        var approvalWrites = await CountAsync(cluster, $"""
            SELECT count(DISTINCT xid) FROM (SELECT xmin::text AS xid FROM ordering.event_log
            WHERE owner LIKE '%{placed.Id:N}' ORDER BY version OFFSET 1 LIMIT 2) AS approval
            """);
        await sandbox.SetProcessorAsync();
        await cluster.StartSiloAsync(index: 0, extra: processor);

        var order = await Orders.WaitForAsync(grains, placed.Id, o => o.Status == OrderStatus.Paid, Recovery);
        var ledger = await LedgerAsync(cluster, placed.Id);
        var charge = Assert.Single(await sandbox.ChargesAsync(placed.Id));
        output.WriteLine($"Ledger at the kill: {string.Join(", ", atKill)}; after: {string.Join(", ", ledger)}");

        Assert.Equal(["PaymentStepStarted", "PaymentAuthorized", "PaymentStepStarted"], atKill);
        Assert.Equal(1, approvalWrites);
        Assert.Equal(["PaymentStepStarted", "PaymentAuthorized", "PaymentStepStarted", "PaymentCaptured"], ledger);
        Assert.Equal(("captured", placed.Total), (charge.GetProperty("status").GetString(), charge.GetProperty("captured").GetDecimal()));
        Assert.NotNull(order.TrackingNumber);
    }

    // The payment's ledger as stored: one event_log row per entry in the ordering schema, in order.
    private static async Task<List<string>> LedgerAsync(DurableCluster cluster, Guid orderId)
    {
        await using var connection = new NpgsqlConnection(cluster.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT payload->>'type' FROM ordering.event_log WHERE owner LIKE '%' || @key ORDER BY version", connection);
        command.Parameters.AddWithValue("key", orderId.ToString("N"));
        var types = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            types.Add(reader.GetString(0).Split('.')[^1]);
        }

        return types;
    }

    private static async Task<string> DumpAsync(DurableCluster cluster)
    {
        await using var connection = new NpgsqlConnection(cluster.Postgres);
        await connection.OpenAsync();
        var text = new System.Text.StringBuilder();
        foreach (var table in new[] { "orleans.stream_messages", "orleans.stream_dead_letters" })
        {
            await using var reader = await new NpgsqlCommand($"SELECT row_to_json(t)::text FROM {table} t", connection).ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine($"{table}: {reader.GetString(0)[..Math.Min(600, reader.GetString(0).Length)]}");
            }
        }

        return text.ToString();
    }

    private static async Task<long> CountAsync(DurableCluster cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.Postgres);
        await connection.OpenAsync();
        return (long)(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync())!;
    }
}
