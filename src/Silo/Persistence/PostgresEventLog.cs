using EShop.Shared;
using Npgsql;
using NpgsqlTypes;

namespace EShop.Silo.Persistence;

// The event log as rows of event_log (deploy/sql/eventlog) in one context's schema. Appends share commits, as the
// transactional store's writes do: those waiting go to the server together, one insert in one transaction, so an
// order's four ledger entries and its purchase-log entry no longer cost a commit each. The primary key still decides:
// a version another writer took refuses that append, and only that one. Reads are grouped too (each new order's
// payment grain reads its empty ledger when it activates): one select of every waiting owner's rows, in version order,
// begun after the reads were asked, so a read sees every append answered before it.
public sealed class PostgresEventLog : IEventLog, IAsyncDisposable
{
    // Flushes in flight at once, and the appends one may carry.
    private const int Writers = 2;
    private const int MaxBatch = 256;

    private const string InsertSql = """
        INSERT INTO event_log (owner, version, payload)
        SELECT a.owner, a.version, a.payload::jsonb FROM unnest(@owners, @versions, @payloads) AS a(owner, version, payload)
        ON CONFLICT (owner, version) DO NOTHING
        RETURNING owner, version
        """;

    // Takes back, before the transaction commits, the rows of an append that was refused for another of its rows.
    private const string TakeBackSql = """
        DELETE FROM event_log e USING unnest(@owners, @versions) AS a(owner, version)
        WHERE e.owner = a.owner AND e.version = a.version
        """;

    private const int Readers = 2;

    private const string ReadSql = "SELECT owner, payload::text FROM event_log WHERE owner = ANY(@owners) ORDER BY owner, version";

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly GroupedQueue<Append> _appends;
    private readonly GroupedQueue<Read> _reads;

    public PostgresEventLog(string connectionString, ILogger<PostgresEventLog> logger)
    {
        (_connectionString, _logger) = (connectionString, logger);
        _appends = new GroupedQueue<Append>(Writers, MaxBatch, AppendBatchAsync);
        _reads = new GroupedQueue<Read>(Readers, MaxBatch, ReadBatchAsync);
    }

    private sealed record Read(string Owner, TaskCompletionSource<IReadOnlyList<string>> Done) : IGroupItem<IReadOnlyList<string>>;

    private sealed record Append(string Owner, int ExpectedVersion, string[] Payloads, TaskCompletionSource<bool> Done)
    {
        public IEnumerable<(string Owner, int Version)> Rows => Payloads.Select((_, i) => (Owner, ExpectedVersion + i + 1));
    }

    public async Task<IReadOnlyList<TEvent>> ReadAsync<TEvent>(GrainId owner) where TEvent : class
    {
        var read = new Read(owner.ToString(), new(TaskCreationOptions.RunContinuationsAsynchronously));
        return [.. (await _reads.AddAsync(read, read.Done)).Select(EventJson.Deserialize<TEvent>)];
    }

    public Task<bool> AppendAsync<TEvent>(GrainId owner, int expectedVersion, IReadOnlyList<TEvent> events) where TEvent : class
    {
        if (events.Count == 0)
        {
            return Task.FromResult(true);
        }

        var append = new Append(owner.ToString(), expectedVersion, [.. events.Select(EventJson.Serialize)], new(TaskCreationOptions.RunContinuationsAsynchronously));
        return _appends.AddAsync(append, append.Done);
    }

    public async ValueTask DisposeAsync()
    {
        await _appends.DisposeAsync();
        await _reads.DisposeAsync();
    }

    private Task ReadBatchAsync(IReadOnlyList<Read> batch) => GroupStatement.SendAsync(
        batch, SelectAsync, IReadOnlyList<string> (read, rows) => rows.GetValueOrDefault(read.Owner) ?? [], _logger, "Reading the event log");

    // Each owner's payloads, in version order.
    private async Task<Dictionary<string, List<string>>> SelectAsync(IReadOnlyList<Read> batch)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(ReadSql, connection);
        command.Parameters.Add(Array("owners", NpgsqlDbType.Text, batch.Select(r => r.Owner).Distinct()));
        var rows = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var owner = reader.GetString(0);
            if (!rows.TryGetValue(owner, out var payloads))
            {
                rows[owner] = payloads = [];
            }

            payloads.Add(reader.GetString(1));
        }

        return rows;
    }

    // One transaction: insert every row, skipping taken versions; an append with a row skipped is refused, and its other
    // rows (versions after the one taken, had the other writer appended fewer events) are deleted before the commit,
    // so an append is all of its events or none. The callers hear only after the commit; if it fails, all of them fail
    // and nothing of theirs was written.
    private async Task AppendBatchAsync(IReadOnlyList<Append> batch)
    {
        try
        {
            // Two appends at one version of one owner in a batch (activations on this silo one after the other, both
            // queued): the first is sent, the other refused, as the primary key would refuse it.
            var claimed = new HashSet<(string, int)>();
            var sent = new List<Append>();
            foreach (var append in batch.Where(a => !a.Rows.Any(claimed.Contains)))
            {
                claimed.UnionWith(append.Rows);
                sent.Add(append);
            }

            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var rows = sent.SelectMany(a => a.Rows.Zip(a.Payloads, (row, payload) => (row.Owner, row.Version, Payload: payload))).ToList();
            var inserted = new HashSet<(string, int)>();
            await using (var insert = new NpgsqlCommand(InsertSql, connection, transaction))
            {
                insert.Parameters.Add(Array("owners", NpgsqlDbType.Text, rows.Select(r => r.Owner)));
                insert.Parameters.Add(Array("versions", NpgsqlDbType.Integer, rows.Select(r => r.Version)));
                insert.Parameters.Add(Array("payloads", NpgsqlDbType.Text, rows.Select(r => r.Payload)));
                await using var reader = await insert.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    inserted.Add((reader.GetString(0), reader.GetInt32(1)));
                }
            }

            var accepted = sent.Where(a => a.Rows.All(inserted.Contains)).ToHashSet();
            var takenBack = sent.Where(a => !accepted.Contains(a)).SelectMany(a => a.Rows).Where(inserted.Contains).ToList();
            if (takenBack.Count > 0)
            {
                await using var delete = new NpgsqlCommand(TakeBackSql, connection, transaction);
                delete.Parameters.Add(Array("owners", NpgsqlDbType.Text, takenBack.Select(r => r.Owner)));
                delete.Parameters.Add(Array("versions", NpgsqlDbType.Integer, takenBack.Select(r => r.Version)));
                await delete.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            foreach (var append in batch)
            {
                append.Done.TrySetResult(accepted.Contains(append));
            }
        }
        catch (Exception exception)
        {
            foreach (var append in batch)
            {
                append.Done.TrySetException(exception);
            }
        }
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };
}
