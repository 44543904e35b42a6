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
            ["orleans: storage/0001_grain_state", "orleans: storage/0002_email_index_by_hash", "orleans: reminders/0001_reminders", "orleans: streaming/0001_stream_queue"],
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
