using EShop.Silo.Persistence;
using Npgsql;

namespace EShop.Tests.Durable;

[Collection(DurableCollection.Name), Trait("Category", "Integration")]
public sealed class MigrationTests
{
    private static readonly string[] AllTracks = [PostgresMigrator.StorageTrack, PostgresMigrator.RemindersTrack, PostgresMigrator.StreamingTrack];

    [Fact]
    public async Task Apply_EmptyDatabase_CreatesTheSchemaAndReapplyingIsANoOp()
    {
        var database = await DurableServices.CreateDatabaseAsync();
        var connection = new NpgsqlConnectionStringBuilder(database) { SearchPath = "orleans" }.ConnectionString;

        var first = await PostgresMigrator.ApplyAsync(connection, AllTracks);
        var second = await PostgresMigrator.ApplyAsync(connection, AllTracks);

        Assert.Equal(
            ["orleans: storage/0001_grain_state", "orleans: storage/0002_email_index_by_hash", "orleans: reminders/0001_reminders", "orleans: streaming/0001_stream_queue",
                "orleans: streaming/0002_stream_take_indexes", "orleans: streaming/0003_stream_take_reads_first"],
            first);
        Assert.Empty(second);
        Assert.Equal(
            ["eshop_migrations", "grain_state", "orleansquery", "reminders", "stream_dead_letters", "stream_evictions", "stream_messages"],
            await ReadListAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'orleans' ORDER BY 1"));
        Assert.Equal(17, (await ReadListAsync(connection, "SELECT querykey FROM orleansquery")).Count);
    }

    [Fact]
    public async Task Apply_TwoSchemas_KeepsEachContextsTablesApart()
    {
        var database = await DurableServices.CreateDatabaseAsync();

        foreach (var schema in new[] { "catalog", "ordering" })
        {
            await PostgresMigrator.ApplyAsync(new NpgsqlConnectionStringBuilder(database) { SearchPath = schema }.ConnectionString, [PostgresMigrator.StorageTrack]);
        }

        Assert.Equal(
            ["catalog.grain_state", "ordering.grain_state"],
            await ReadListAsync(database, "SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_name = 'grain_state' ORDER BY 1"));
    }

    [Fact]
    public async Task Apply_EmailIndexKeyedByTheAddress_MovesItToTheKeyTheSiloAsksFor()
    {
        var database = await DurableServices.CreateDatabaseAsync();
        var connection = new NpgsqlConnectionStringBuilder(database) { SearchPath = "customers" }.ConnectionString;
        await PostgresMigrator.ApplyAsync(connection, [PostgresMigrator.StorageTrack]);

        // A database from before 0002: the index row keyed by the (normalized) address, beside another state's row.
        await ExecuteAsync(connection, """
            DELETE FROM eshop_migrations WHERE track = 'storage' AND version = 2;
            INSERT INTO grain_state (service_id, state_name, key_n0, key_n1, key_string, payload, version) VALUES
                ('eshop', 'email', 0, 0, 'ana.lópez@example.com', '{}', 1),
                ('eshop', 'other', 0, 0, 'ana.lópez@example.com', '{}', 1);
            """);
        var applied = await PostgresMigrator.ApplyAsync(connection, [PostgresMigrator.StorageTrack]);

        Assert.Equal(["customers: storage/0002_email_index_by_hash"], applied);
        Assert.Equal(
            [$"email {EShop.Customers.EmailAddress.IndexKey("Ana.López@example.com ")}", "other ana.lópez@example.com"],
            await ReadListAsync(connection, "SELECT state_name || ' ' || key_string FROM grain_state ORDER BY 1"));
    }

    // The dequeue reads messages never taken and messages whose visibility timeout passed from an index each
    // (streaming/0002): a batch is still the oldest visible messages in id order, and leaves alone what is invisible or
    // out of attempts.
    [Fact]
    public async Task TakeStreamMessages_FreshAndTimedOutMessages_TakesTheOldestVisibleInIdOrder()
    {
        var database = await DurableServices.CreateDatabaseAsync();
        var connection = new NpgsqlConnectionStringBuilder(database) { SearchPath = "orleans" }.ConnectionString;
        await PostgresMigrator.ApplyAsync(connection, AllTracks);

        // In id order: fresh, timed out, invisible (taken a moment ago), out of attempts, fresh, timed out, fresh; and
        // one fresh message of another queue.
        await ExecuteAsync(connection, """
            INSERT INTO stream_messages (service_id, provider_id, queue_id, dequeued, visible_on, expires_on, created_on, modified_on, payload)
            SELECT 'eshop', 'events', m.queue_id, m.dequeued, now() + m.visible_in, now() + interval '10 minutes', now(), now(), '\x00'
            FROM (VALUES (1, 'q', 0, interval '0'), (2, 'q', 1, interval '-5 seconds'), (3, 'q', 1, interval '30 seconds'),
                         (4, 'q', 5, interval '-5 seconds'), (5, 'q', 0, interval '0'), (6, 'q', 2, interval '-1 second'),
                         (7, 'q', 0, interval '0'), (8, 'other', 0, interval '0')) AS m(n, queue_id, dequeued, visible_in)
            ORDER BY m.n;
            """);
        const string Take = "SELECT messageid - (SELECT min(message_id) - 1 FROM stream_messages) || ':' || dequeued FROM take_stream_messages('eshop', 'events', 'q', 4, 5, 30, 600, 10, 100) ORDER BY messageid";

        Assert.Equal(["1:1", "2:2", "5:1", "6:3"], await ReadListAsync(connection, Take));
        Assert.Equal(["7:1"], await ReadListAsync(connection, Take));
        Assert.Empty(await ReadListAsync(connection, Take));
    }

    // Most polls of a queue find nothing (streaming/0003): once the queue's eviction has run, such a poll takes no
    // transaction id, so it commits no record and flushes no WAL; an eviction that falls due writes again.
    [Fact]
    public async Task TakeStreamMessages_EmptyQueueBetweenEvictions_WritesNothing()
    {
        var database = await DurableServices.CreateDatabaseAsync();
        var connection = new NpgsqlConnectionStringBuilder(database) { SearchPath = "orleans" }.ConnectionString;
        await PostgresMigrator.ApplyAsync(connection, AllTracks);

        // One poll in a transaction of its own, with an eviction interval of 60 s: the transaction id it took, if any.
        async Task<string> PollAsync()
        {
            await using var session = new NpgsqlConnection(connection);
            await session.OpenAsync();
            await using var transaction = await session.BeginTransactionAsync();
            await using (var take = new NpgsqlCommand("SELECT count(*) FROM take_stream_messages('eshop', 'events', 'q', 32, 5, 30, 600, 60, 100)", session, transaction))
            {
                await take.ExecuteScalarAsync();
            }

            await using var id = new NpgsqlCommand("SELECT coalesce(txid_current_if_assigned()::text, 'none')", session, transaction);
            var taken = (string)(await id.ExecuteScalarAsync())!;
            await transaction.CommitAsync();
            return taken;
        }

        Assert.NotEqual("none", await PollAsync());
        Assert.Equal("none", await PollAsync());
        Assert.Equal("none", await PollAsync());
        Assert.Equal(["1"], await ReadListAsync(connection, "SELECT count(*)::text FROM stream_evictions"));

        await ExecuteAsync(connection, "UPDATE stream_evictions SET evicted_on = now() - interval '61 seconds'");
        Assert.NotEqual("none", await PollAsync());
        Assert.Equal("none", await PollAsync());
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> ReadListAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
