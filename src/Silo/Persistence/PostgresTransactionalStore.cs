using Npgsql;
using NpgsqlTypes;

namespace EShop.Silo.Persistence;

// The transactional_state table of one context (deploy/sql/transactions) with group commit: the writes of every grain
// of this silo that share the context wait in one queue, and each flush sends all that are waiting as one statement —
// one round trip, one transaction, one WAL flush, however many grains — the way PostgreSQL groups its own commits.
// Under load a flush carries the writes that queued while the previous one was in flight; alone, a write goes at once.
// Reads are grouped the same way: loading a 500-product import activates 500 product grains at once, and they share
// a statement instead of queueing for the pool's connections one read each.
//
// A statement is atomic, so a flush is all or nothing: a silo killed mid-flush leaves none of its rows (PostgreSQL
// rolls the statement back when the connection drops), and no caller has been answered, as answers go out only after
// the statement returns. Each row is guarded by its etag, so one stale writer is refused without failing the rest.
public sealed class PostgresTransactionalStore : IAsyncDisposable
{
    // Flushes in flight at once: one fills while the other waits on the server, so neither side idles.
    private const int Writers = 2;
    private const int Readers = 2;

    // Bounds one statement's size; more waiting writes (reads) go in the next flush.
    private const int MaxBatch = 512;

    private const string ReadSql = """
        SELECT t.grain_id, t.state_name, t.etag, t.committed_sequence_id, t.committed_state::text, t.metadata::text, t.pending::text
        FROM transactional_state t
        JOIN unnest(@grain_ids, @state_names) AS r(grain_id, state_name) USING (grain_id, state_name)
        """;

    // The proposed row is checked against NOT NULL before ON CONFLICT decides, so "committed state unchanged" travels
    // as a JSON null, which no envelope ever is.
    private const string UpsertSql = """
        INSERT INTO transactional_state AS t (grain_id, state_name, etag, committed_sequence_id, committed_state, metadata, pending)
        SELECT w.grain_id, w.state_name, w.etag, w.committed_sequence_id, coalesce(w.committed_state, 'null')::jsonb, w.metadata::jsonb, w.pending::jsonb
        FROM unnest(@grain_ids, @state_names, @etags, @committed_sequence_ids, @committed_states, @metadata, @pending)
            AS w(grain_id, state_name, etag, committed_sequence_id, committed_state, metadata, pending)
        ON CONFLICT (grain_id, state_name) DO UPDATE
        SET etag = excluded.etag,
            committed_sequence_id = excluded.committed_sequence_id,
            committed_state = CASE WHEN excluded.committed_state = 'null' THEN t.committed_state ELSE excluded.committed_state END,
            metadata = excluded.metadata,
            pending = excluded.pending,
            modified_on = now()
        WHERE t.etag = excluded.etag - 1
        RETURNING t.grain_id, t.state_name
        """;

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly GroupedQueue<QueuedWrite> _writes;
    private readonly GroupedQueue<QueuedRead> _reads;
    private Task<bool>? _earlierRecords;

    public PostgresTransactionalStore(string connectionString, ILogger<PostgresTransactionalStore> logger)
    {
        (_connectionString, _logger) = (connectionString, logger);
        _writes = new GroupedQueue<QueuedWrite>(Writers, MaxBatch, WriteBatchAsync);
        _reads = new GroupedQueue<QueuedRead>(Readers, MaxBatch, ReadBatchAsync);
    }

    // The row as committed when the statement carrying this read began, which is after the call: a read never misses
    // a write that was answered before it.
    public Task<TransactionalRow?> ReadAsync(string grainId, string stateName)
    {
        var queued = new QueuedRead(grainId, stateName, new TaskCompletionSource<TransactionalRow?>(TaskCreationOptions.RunContinuationsAsynchronously));
        return _reads.AddAsync(queued, queued.Done);
    }

    // Whether grain_state holds any transactional record that Orleans' grain-storage bridge wrote before
    // transactional_state existed. Asked once per silo (again only after a failed ask): a database that never had one
    // spares every grain without a row here (each new order, cart, shipment) a second read. No such record is written
    // any more, so an answer of none stays true.
    public async Task<bool> HasEarlierRecordsAsync()
    {
        var ask = _earlierRecords ??= AskEarlierRecordsAsync();
        try
        {
            return await ask;
        }
        catch
        {
            _ = Interlocked.CompareExchange(ref _earlierRecords, null, ask);
            throw;
        }
    }

    private async Task<bool> AskEarlierRecordsAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM grain_state WHERE payload->>'type' LIKE 'TransactionalStateRecord<%')", connection);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    // True when the row now has write.Etag; false when the stored etag was not the one before it (another writer's
    // version, or a row where a first write expected none).
    public Task<bool> WriteAsync(TransactionalWrite write)
    {
        var queued = new QueuedWrite(write, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        return _writes.AddAsync(queued, queued.Done);
    }

    public async ValueTask DisposeAsync()
    {
        await _writes.DisposeAsync();
        await _reads.DisposeAsync();
    }

    private Task ReadBatchAsync(IReadOnlyList<QueuedRead> batch) => GroupStatement.SendAsync(
        batch, SelectAsync, (read, rows) => rows.GetValueOrDefault((read.GrainId, read.StateName)), _logger, "Reading transactional state");

    private async Task<Dictionary<(string, string), TransactionalRow>> SelectAsync(IReadOnlyList<QueuedRead> batch)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(ReadSql, connection);
        command.Parameters.Add(new NpgsqlParameter("grain_ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Select(r => r.GrainId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("state_names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = batch.Select(r => r.StateName).ToArray() });
        var rows = new Dictionary<(string, string), TransactionalRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[(reader.GetString(0), reader.GetString(1))] =
                new TransactionalRow(reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4), reader.GetString(5), reader.GetString(6));
        }

        return rows;
    }

    // A failed write's callers reload, as ITransactionalStateStorage requires after a failed Store.
    private Task WriteBatchAsync(IReadOnlyList<QueuedWrite> batch) => GroupStatement.SendAsync(
        batch, UpsertAsync, (queued, written) => written.Contains((queued.Write.GrainId, queued.Write.StateName)), _logger, "Writing transactional state");

    private async Task<HashSet<(string, string)>> UpsertAsync(IReadOnlyList<QueuedWrite> batch)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(UpsertSql, connection);
        command.Parameters.Add(Column("grain_ids", NpgsqlDbType.Text, batch, w => w.GrainId));
        command.Parameters.Add(Column("state_names", NpgsqlDbType.Text, batch, w => w.StateName));
        command.Parameters.Add(Column("etags", NpgsqlDbType.Bigint, batch, w => w.Etag));
        command.Parameters.Add(Column("committed_sequence_ids", NpgsqlDbType.Bigint, batch, w => w.CommittedSequenceId));
        command.Parameters.Add(Column("committed_states", NpgsqlDbType.Text, batch, w => w.CommittedState));
        command.Parameters.Add(Column("metadata", NpgsqlDbType.Text, batch, w => w.Metadata));
        command.Parameters.Add(Column("pending", NpgsqlDbType.Text, batch, w => w.Pending));
        var written = new HashSet<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            written.Add((reader.GetString(0), reader.GetString(1)));
        }

        return written;
    }

    private static NpgsqlParameter Column<T>(string name, NpgsqlDbType type, IReadOnlyList<QueuedWrite> batch, Func<TransactionalWrite, T> value) =>
        new(name, NpgsqlDbType.Array | type) { Value = batch.Select(q => value(q.Write)).ToArray() };

    private sealed record QueuedWrite(TransactionalWrite Write, TaskCompletionSource<bool> Done) : IGroupItem<bool>;

    private sealed record QueuedRead(string GrainId, string StateName, TaskCompletionSource<TransactionalRow?> Done) : IGroupItem<TransactionalRow?>;
}

public sealed record TransactionalRow(long Etag, long CommittedSequenceId, string CommittedState, string Metadata, string Pending);

// One grain's new row: Etag is the version it will have (the one read plus one); CommittedState is null when the
// committed state did not change, and the stored one stays.
public sealed record TransactionalWrite(string GrainId, string StateName, long Etag, long CommittedSequenceId, string? CommittedState, string Metadata, string Pending);
