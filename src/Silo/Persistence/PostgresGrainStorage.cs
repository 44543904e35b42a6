using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace EShop.Silo.Persistence;

// Grain state in one context's grain_state table (deploy/sql/storage), with the group commit PostgresTransactionalStore
// gives transactional state: the writes of every grain of this silo in the context that are waiting go as one
// statement (one round trip, one transaction, one WAL flush), and so do the reads. Through Orleans' ADO.NET bridge each
// write was a commit of its own, and an order made five (the customer's history, since moved to the event log; the
// product's history, the customer's purchases, a co-purchase, category sales).
//
// The rows, and how a grain's key names its row, are the ones that bridge wrote (0001_grain_state.sql): state stored
// before this provider is read as it was. The version is the ETag: a write expecting none inserts, one expecting a
// version updates that version, and any other is refused (InconsistentStateException) without failing the rest of
// its statement. A statement is atomic and its callers are answered only after it returns, so a silo killed mid-flush
// leaves all of its rows or none (PostgreSQL may finish a statement whose client died) and has told nobody either way.
public sealed class PostgresGrainStorage : IGrainStorage, IAsyncDisposable
{
    private const int Writers = 2;
    private const int Readers = 2;
    private const int MaxBatch = 512;

    private const string ReadSql = """
        SELECT r.i, s.payload::text, s.version
        FROM unnest(@state_names, @keys_n0, @keys_n1, @key_strings) WITH ORDINALITY AS r(state_name, key_n0, key_n1, key_string, i)
        JOIN grain_state s ON s.service_id = @service_id AND s.state_name = r.state_name
            AND s.key_n0 = r.key_n0 AND s.key_n1 = r.key_n1 AND s.key_string = r.key_string
        """;

    // A clear is a write of a null payload. Keys are unique within one statement (WriteBatchAsync), so each row
    // returned answers one write.
    private const string WriteSql = """
        WITH w AS (
            SELECT * FROM unnest(@state_names, @keys_n0, @keys_n1, @key_strings, @payloads, @expected)
                AS w(state_name, key_n0, key_n1, key_string, payload, expected)
        ), inserted AS (
            INSERT INTO grain_state (service_id, state_name, key_n0, key_n1, key_string, payload, version)
            SELECT @service_id, w.state_name, w.key_n0, w.key_n1, w.key_string, w.payload::jsonb, 1
            FROM w WHERE w.expected IS NULL
            ON CONFLICT DO NOTHING
            RETURNING state_name, key_n0, key_n1, key_string, version
        ), updated AS (
            UPDATE grain_state s
            SET payload = w.payload::jsonb, version = s.version + 1, modified_on = now()
            FROM w
            WHERE w.expected IS NOT NULL AND s.service_id = @service_id AND s.state_name = w.state_name
              AND s.key_n0 = w.key_n0 AND s.key_n1 = w.key_n1 AND s.key_string = w.key_string AND s.version = w.expected
            RETURNING s.state_name, s.key_n0, s.key_n1, s.key_string, s.version
        )
        SELECT * FROM inserted UNION ALL SELECT * FROM updated
        """;

    private readonly string _connectionString;
    private readonly string _serviceId;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly ILogger _logger;
    private readonly GroupedQueue<QueuedWrite> _writes;
    private readonly GroupedQueue<QueuedRead> _reads;

    public PostgresGrainStorage(string connectionString, string serviceId, IGrainStorageSerializer serializer, IActivatorProvider activators, ILogger<PostgresGrainStorage> logger)
    {
        (_connectionString, _serviceId, _serializer, _activators, _logger) = (connectionString, serviceId, serializer, activators, logger);
        _writes = new GroupedQueue<QueuedWrite>(Writers, MaxBatch, WriteBatchAsync);
        _reads = new GroupedQueue<QueuedRead>(Readers, MaxBatch, ReadBatchAsync);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var queued = new QueuedRead(StateKey.Of(stateName, grainId), new TaskCompletionSource<StoredState?>(TaskCreationOptions.RunContinuationsAsynchronously));
        var stored = await _reads.AddAsync(queued, queued.Done);
        grainState.State = stored?.Payload is { } payload ? _serializer.Deserialize<T>(BinaryData.FromString(payload)) : NewState<T>();
        grainState.ETag = stored?.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = stored?.Payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _serializer.Serialize(grainState.State).ToString();
        grainState.ETag = await WriteAsync(stateName, grainId, payload, grainState.ETag);
        grainState.RecordExists = true;
    }

    // As the ADO.NET bridge clears: a grain that knows of no record reads first, and clears only one it finds. The row
    // stays with a null payload and the next version, so a stale writer is still refused.
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!grainState.RecordExists && string.IsNullOrWhiteSpace(grainState.ETag))
        {
            await ReadStateAsync(stateName, grainId, grainState);
            if (!grainState.RecordExists)
            {
                return;
            }
        }

        // A record the grain holds without a version is not one this storage gave it: refused, as the bridge refused
        // it, rather than inserted cleared.
        if (string.IsNullOrWhiteSpace(grainState.ETag))
        {
            throw new InconsistentStateException($"Clearing state {stateName} of {grainId}: the grain holds a record without a version.");
        }

        grainState.ETag = await WriteAsync(stateName, grainId, payload: null, grainState.ETag);
        grainState.RecordExists = false;
        grainState.State = NewState<T>();
    }

    public async ValueTask DisposeAsync()
    {
        await _writes.DisposeAsync();
        await _reads.DisposeAsync();
    }

    private async Task<string> WriteAsync(string stateName, GrainId grainId, string? payload, string? etag)
    {
        var expected = string.IsNullOrWhiteSpace(etag) ? (int?)null : int.Parse(etag, CultureInfo.InvariantCulture);
        var queued = new QueuedWrite(StateKey.Of(stateName, grainId), payload, expected, new TaskCompletionSource<int?>(TaskCreationOptions.RunContinuationsAsynchronously));
        return await _writes.AddAsync(queued, queued.Done) is { } version
            ? version.ToString(CultureInfo.InvariantCulture)
            : throw new InconsistentStateException($"Version conflict writing state {stateName} of {grainId}: expected version {etag ?? "none"}, which is not the stored one.");
    }

    private T NewState<T>() => _activators.GetActivator<T>().Create();

    private Task ReadBatchAsync(IReadOnlyList<QueuedRead> batch) => GroupStatement.SendAsync(
        batch, SelectAsync, (read, rows) => rows.GetValueOrDefault(read.Key), _logger, "Reading grain state");

    private async Task<Dictionary<StateKey, StoredState>> SelectAsync(IReadOnlyList<QueuedRead> batch)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(ReadSql, connection);
        AddKeys(command, batch.Select(r => r.Key).ToList());
        var rows = new Dictionary<StateKey, StoredState>(batch.Count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[batch[(int)reader.GetInt64(0) - 1].Key] = new StoredState(reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2));
        }

        return rows;
    }

    // One statement changes a row once: a key that comes again in the group goes in a statement after the first.
    private async Task WriteBatchAsync(IReadOnlyList<QueuedWrite> batch)
    {
        var rest = batch;
        while (rest.Count > 0)
        {
            var keys = new HashSet<StateKey>();
            var now = new List<QueuedWrite>(rest.Count);
            var later = new List<QueuedWrite>();
            foreach (var write in rest)
            {
                (keys.Add(write.Key) ? now : later).Add(write);
            }

            await WriteRoundAsync(now);
            rest = later;
        }
    }

    // A write that failed fails the grain's write, as it did through the ADO.NET bridge; if it did commit, the grain's
    // next write with the old ETag is refused.
    private Task WriteRoundAsync(IReadOnlyList<QueuedWrite> round) => GroupStatement.SendAsync(
        round, UpsertAsync, (write, versions) => versions.TryGetValue(write.Key, out var version) ? version : (int?)null, _logger, "Writing grain state");

    private async Task<Dictionary<StateKey, int>> UpsertAsync(IReadOnlyList<QueuedWrite> round)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(WriteSql, connection);
        AddKeys(command, round.Select(w => w.Key).ToList());
        command.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = round.Select(w => w.Payload).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("expected", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = round.Select(w => w.Expected).ToArray() });
        var versions = new Dictionary<StateKey, int>(round.Count);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions[new StateKey(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3))] = reader.GetInt32(4);
        }

        return versions;
    }

    private void AddKeys(NpgsqlCommand command, IReadOnlyList<StateKey> keys)
    {
        command.Parameters.Add(new NpgsqlParameter("service_id", NpgsqlDbType.Text) { Value = _serviceId });
        command.Parameters.Add(new NpgsqlParameter("state_names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.StateName).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("keys_n0", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = keys.Select(k => k.N0).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("keys_n1", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = keys.Select(k => k.N1).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("key_strings", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.String).ToArray() });
    }

    private sealed record StoredState(string? Payload, int Version);

    private sealed record QueuedRead(StateKey Key, TaskCompletionSource<StoredState?> Done) : IGroupItem<StoredState?>;

    private sealed record QueuedWrite(StateKey Key, string? Payload, int? Expected, TaskCompletionSource<int?> Done) : IGroupItem<int?>;
}

// A grain state's row key, as the ADO.NET bridge splits a grain's key: a Guid as its two halves (N0, N1, from the
// Guid's bytes), an integer as N1, a string key whole as String; a key extension as String ('' when there is none).
internal sealed record StateKey(string StateName, long N0, long N1, string String)
{
    public static StateKey Of(string stateName, GrainId grainId)
    {
        if (grainId.TryGetGuidKey(out var guid, out var extension))
        {
            Span<byte> bytes = stackalloc byte[16];
            guid.TryWriteBytes(bytes);
            return new StateKey(stateName, BitConverter.ToInt64(bytes[..8]), BitConverter.ToInt64(bytes[8..]), extension ?? "");
        }

        return grainId.TryGetIntegerKey(out var integer, out extension)
            ? new StateKey(stateName, 0, integer, extension ?? "")
            : new StateKey(stateName, 0, 0, grainId.Key.ToString()!);
    }
}
