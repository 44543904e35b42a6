using EShop.Tests.Shared;
using Npgsql;

namespace EShop.Tests.Durable;

// Holding rows locked from a connection of the test's own, and finding the statements that wait on them: how the
// storage tests stop a group write part-way through its statement.
public static class RowLocks
{
    // A connection that ran sql (a SELECT … FOR UPDATE) in a transaction it keeps open until it is disposed (unpooled:
    // disposing closes it, which ends the transaction).
    public static async Task<NpgsqlConnection> LockAsync(string database, string sql)
    {
        var connection = await DurableServices.OpenAsync(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
        await DurableServices.ExecuteAsync(connection, $"BEGIN; {sql}");
        return connection;
    }

    // The backends of this database whose statement starts with statement and waits on a lock, once there are at least
    // count of them.
    public static async Task<int[]> WaitForWaitersAsync(string database, string statement, int count)
    {
        var pids = await Eventually.MatchesAsync(() => BlockedBackendsAsync(database, statement), pids => pids.Length >= count, TimeSpan.FromSeconds(30));
        Assert.True(pids.Length >= count, $"{pids.Length} writes wait on a lock, not {count}.");
        return pids;
    }

    // Ends the connections of the statements that wait on a lock, as PostgreSQL sees a writer that died.
    public static async Task TerminateWaitersAsync(string database, string statement)
    {
        foreach (var backend in await BlockedBackendsAsync(database, statement))
        {
            await DurableServices.ScalarAsync<bool>(database, $"SELECT pg_terminate_backend({backend})");
        }
    }

    private static async Task<int[]> BlockedBackendsAsync(string database, string statement)
    {
        await using var connection = await DurableServices.OpenAsync(database);
        await using var command = new NpgsqlCommand(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND starts_with(ltrim(query), @statement)",
            connection);
        command.Parameters.AddWithValue("statement", statement);
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }

        return [.. pids];
    }
}
