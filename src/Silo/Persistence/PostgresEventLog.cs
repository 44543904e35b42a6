using EShop.Shared;
using Npgsql;

namespace EShop.Silo.Persistence;

// The event log as rows of event_log (deploy/sql/eventlog) in one context's schema: a read is one select in version
// order, an append one insert of all its events, which the primary key refuses when another writer took a version.
public sealed class PostgresEventLog(string connectionString) : IEventLog
{
    private const string UniqueViolation = "23505";

    public async Task<IReadOnlyList<TEvent>> ReadAsync<TEvent>(GrainId owner) where TEvent : class
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT payload::text FROM event_log WHERE owner = @owner ORDER BY version", connection);
        command.Parameters.AddWithValue("owner", owner.ToString());
        var events = new List<TEvent>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add(EventJson.Deserialize<TEvent>(reader.GetString(0)));
        }

        return events;
    }

    public async Task<bool> AppendAsync<TEvent>(GrainId owner, int expectedVersion, IReadOnlyList<TEvent> events) where TEvent : class
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "INSERT INTO event_log (owner, version, payload) SELECT @owner, @first + n, p::jsonb FROM unnest(@payloads) WITH ORDINALITY AS e(p, n)",
            connection);
        command.Parameters.AddWithValue("owner", owner.ToString());
        command.Parameters.AddWithValue("first", expectedVersion);
        command.Parameters.AddWithValue("payloads", events.Select(EventJson.Serialize).ToArray());
        try
        {
            await command.ExecuteNonQueryAsync();
            return true;
        }
        catch (PostgresException exception) when (exception.SqlState == UniqueViolation)
        {
            return false;
        }
    }
}
