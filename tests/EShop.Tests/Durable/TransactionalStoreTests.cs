using EShop.Catalog;
using EShop.Ordering;
using EShop.Shared;
using EShop.Silo.Persistence;
using EShop.Tests.Ordering;
using EShop.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EShop.Tests.Durable;

// The transactional-state table and its group commit: against PostgreSQL directly, and under a silo killed -9 while
// one of its flushes is in the middle of a statement.
[Collection(DurableCollection.Name), Trait("Category", "Integration")]
public sealed class TransactionalStoreTests
{
    // How a flush's statement starts, to find it among the database's backends.
    private const string Upsert = "INSERT INTO transactional_state";

    [Fact]
    public async Task ManyGrainsWritingAtOnce_ShareStatements_AndOnlyTheStaleWriterIsRefused()
    {
        var database = await CatalogSchemaAsync();
        await using var store = new PostgresTransactionalStore(database, NullLogger<PostgresTransactionalStore>.Instance);
        Assert.True(await store.WriteAsync(Row("stale", etag: 1, committed: "{}")));

        var writes = Enumerable.Range(0, 300).Select(i => store.WriteAsync(Row($"g{i}", etag: 1, committed: $$"""{"n":{{i}}}"""))).ToList();
        var staleFirstWrite = store.WriteAsync(Row("stale", etag: 1, committed: """{"lost":true}"""));
        var staleUpdate = store.WriteAsync(Row("stale", etag: 3, committed: """{"lost":true}"""));

        Assert.All(await Task.WhenAll(writes), Assert.True);
        Assert.False(await staleFirstWrite);
        Assert.False(await staleUpdate);
        Assert.Equal("{}", (await store.ReadAsync("stale", "s"))!.CommittedState);
        Assert.Equal("""{"n": 299}""", (await store.ReadAsync("g299", "s"))!.CommittedState);

        // Rows one statement wrote share its transaction id (xmin): 300 writes went in a handful of statements.
        var transactions = await DurableServices.ScalarAsync<long>(database, "SELECT count(DISTINCT xmin::text) FROM transactional_state WHERE grain_id LIKE 'g%'");
        Assert.InRange(transactions, 1, 30);
    }

    [Fact]
    public async Task ManyGrainsReadingAtOnce_EachGetsItsOwnRow_AndNoneWhereThereIsNone()
    {
        var database = await CatalogSchemaAsync();
        await using var store = new PostgresTransactionalStore(database, NullLogger<PostgresTransactionalStore>.Instance);
        Assert.All(await Task.WhenAll(Enumerable.Range(0, 300).Select(i => store.WriteAsync(Row($"g{i}", etag: 1, committed: $$"""{"n":{{i}}}"""))).ToList()), Assert.True);

        // Read in a shuffled order, with grains that have no row between them and one grain asked twice in the group.
        var asked = Enumerable.Range(0, 300).Select(i => $"g{i * 7 % 300}").Concat(["none1", "g5", "none2"]).ToList();
        var rows = await Task.WhenAll(asked.Select(grain => store.ReadAsync(grain, "s")).ToList());

        for (var i = 0; i < asked.Count; i++)
        {
            if (asked[i].StartsWith("none", StringComparison.Ordinal))
            {
                Assert.Null(rows[i]);
                continue;
            }

            var n = int.Parse(asked[i][1..]);
            Assert.Equal($$"""{"n": {{n}}}""", rows[i]!.CommittedState);
        }

        Assert.Null(await store.ReadAsync("g0", "other state"));
    }

    [Fact]
    public async Task UpdateWithoutCommittedState_KeepsTheStoredOne()
    {
        var database = await CatalogSchemaAsync();
        await using var store = new PostgresTransactionalStore(database, NullLogger<PostgresTransactionalStore>.Instance);
        Assert.True(await store.WriteAsync(Row("g", etag: 1, committed: """{"stock":5}""")));

        Assert.True(await store.WriteAsync(Row("g", etag: 2, committed: null) with { Pending = """[{"prepared":1}]""" }));

        var row = (await store.ReadAsync("g", "s"))!;
        Assert.Equal((2L, """{"stock": 5}""", """[{"prepared": 1}]"""), (row.Etag, row.CommittedState, row.Pending));
    }

    [Fact]
    public async Task FlushWhoseConnectionDiesMidStatement_WritesNoneOfItsRows()
    {
        var database = await CatalogSchemaAsync();
        await using var store = new PostgresTransactionalStore(database, NullLogger<PostgresTransactionalStore>.Instance);
        foreach (var grain in new[] { "busy1", "busy2", "locked" })
        {
            Assert.True(await store.WriteAsync(Row(grain, etag: 1, committed: "{}")));
        }

        await using var holdsBusy1 = await LockAsync(database, "busy1");
        await using var holdsBusy2 = await LockAsync(database, "busy2");
        await using var holdsLocked = await LockAsync(database, "locked");

        // Both writers wait on a held row, so the next three writes queue up; when busy1's writer is let go it takes
        // all three as one statement, which inserts 'first' and then waits on the lock of 'locked'.
        var busy1 = store.WriteAsync(Row("busy1", etag: 2, committed: null));
        await RowLocks.WaitForWaitersAsync(database, Upsert, 1);
        _ = store.WriteAsync(Row("busy2", etag: 2, committed: null));
        await RowLocks.WaitForWaitersAsync(database, Upsert, 2);
        var batch = new[] { Row("first", etag: 1, committed: "{}"), Row("locked", etag: 2, committed: "{}"), Row("last", etag: 1, committed: "{}") }
            .Select(store.WriteAsync).ToArray();
        await holdsBusy1.DisposeAsync();
        Assert.True(await busy1);
        await RowLocks.WaitForWaitersAsync(database, Upsert, 2);

        // The database's view of a writer that dies: the connection is gone mid-statement.
        await RowLocks.TerminateWaitersAsync(database, Upsert);

        foreach (var write in batch)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => write);
        }

        await holdsLocked.DisposeAsync();
        Assert.Null(await store.ReadAsync("first", "s"));
        Assert.Null(await store.ReadAsync("last", "s"));
        Assert.Equal(1, (await store.ReadAsync("locked", "s"))!.Etag);
    }

    [Fact]
    public async Task SiloKilledWhileItsFlushWaitsOnALock_CheckoutRetriedAfterwardsSellsExactlyOnce()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        await cluster.StartSiloAsync();
        var grains = await cluster.ConnectClientAsync();
        var product = await TestCatalog.CreateProductAsync(grains, price: 5m, stock: 10);
        var buyer = await Checkouts.CustomerWithCartAsync(grains, (product.Id, 1));
        var request = Checkouts.Request(buyer, key: "killed-mid-flush");
        var catalog = new NpgsqlConnectionStringBuilder(cluster.Postgres) { SearchPath = StorageNames.Catalog }.ConnectionString;

        // The test holds the product's row: the checkout's prepare of the product is written in a flush that waits.
        await using var holder = await DurableServices.OpenAsync(catalog);
        await using var locks = await holder.BeginTransactionAsync();
        await DurableServices.ExecuteAsync(holder, $"SELECT 1 FROM transactional_state WHERE state_name = '{StateNames.Product}' FOR UPDATE");
        var checkout = Checkouts.CheckoutAsync(grains, request);
        await RowLocks.WaitForWaitersAsync(cluster.Postgres, Upsert, 1);
        cluster.Silos[0].Kill();

        // The dead silo's statement goes on once the lock is gone: its rows may be committed with nobody told.
        await locks.CommitAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => checkout);
        await cluster.StartSiloAsync(index: 0);

        var answer = await UntilAnsweredAsync(() => Checkouts.CheckoutAsync(grains, request));
        var again = await UntilAnsweredAsync(() => Checkouts.CheckoutAsync(grains, request));

        Assert.True(answer.Succeeded, string.Join("; ", answer.Errors.Select(e => e.Message)));
        Assert.Equal(answer.Value!.Id, again.Value!.Id);
        Assert.Equal(9, (await grains.GetGrain<IProductGrain>(product.Id).GetAsync())!.Stock);
        Assert.Equal([answer.Value.Id], (await grains.GetGrain<ICustomerOrdersGrain>(buyer).GetPageAsync(0, 5)).OrderIds.ToArray());
        Assert.Equal(0, (await grains.GetGrain<EShop.Carts.ICartGrain>(buyer).GetAsync()).ItemCount);
    }

    [Fact]
    public async Task StateWrittenBeforeTheMigration_IsReadFromGrainState_AndTheFirstWriteMovesIt()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        await cluster.StartSiloAsync();
        var grains = await cluster.ConnectClientAsync();
        var product = await TestCatalog.CreateProductAsync(grains, price: 5m, stock: 10);
        cluster.Silos[0].Kill();

        // The row as Orleans' grain-storage bridge wrote it before transactional_state existed.
        var catalog = new NpgsqlConnectionStringBuilder(cluster.Postgres) { SearchPath = StorageNames.Catalog }.ConnectionString;
        await using (var connection = await DurableServices.OpenAsync(catalog))
        {
            await DurableServices.ExecuteAsync(connection, $"""
                INSERT INTO grain_state (service_id, state_name, key_n0, key_n1, key_string, payload, version)
                SELECT (SELECT service_id FROM grain_state LIMIT 1), state_name, 0, 0, '{product.Id}',
                       jsonb_build_object('type', 'TransactionalStateRecord<eshop.catalog.ProductState>', 'state', jsonb_build_object(
                           'committedState', committed_state->'state', 'committedSequenceId', committed_sequence_id,
                           'metadata', metadata->'state', 'pendingStates', pending->'state')), 1
                FROM transactional_state WHERE state_name = '{StateNames.Product}';
                DELETE FROM transactional_state;
                """);
        }

        await cluster.StartSiloAsync(index: 0);
        var read = await UntilAnsweredAsync(() => grains.GetGrain<IProductGrain>(product.Id).GetAsync());
        Assert.Equal(10, read!.Stock);

        Assert.True((await grains.GetGrain<ICatalogAdminGrain>(0).AdjustStockAsync(product.Id, -3)).Succeeded);
        Assert.Equal(7, (await grains.GetGrain<IProductGrain>(product.Id).GetAsync())!.Stock);
        Assert.Equal(1, await DurableServices.ScalarAsync<long>(catalog, $"SELECT count(*) FROM transactional_state WHERE state_name = '{StateNames.Product}'"));
    }

    private static TransactionalWrite Row(string grain, long etag, string? committed) => new(grain, "s", etag, 0, committed, "{}", "[]");

    private static async Task<string> CatalogSchemaAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(await DurableServices.CreateDatabaseAsync()) { SearchPath = StorageNames.Catalog }.ConnectionString;
        await PostgresMigrator.ApplyAsync(database, [PostgresMigrator.TransactionsTrack]);
        return database;
    }

    private static Task<NpgsqlConnection> LockAsync(string database, string grainId) =>
        RowLocks.LockAsync(database, $"SELECT 1 FROM transactional_state WHERE grain_id = '{grainId}' FOR UPDATE");

    private static Task<T> UntilAnsweredAsync<T>(Func<Task<T>> call) => Eventually.AnsweredAsync(call, TimeSpan.FromMinutes(2));
}
