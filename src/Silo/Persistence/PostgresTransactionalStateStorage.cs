using System.Globalization;
using Orleans.Storage;
using Orleans.Transactions;
using Orleans.Transactions.Abstractions;

namespace EShop.Silo.Persistence;

// One grain's transactional state as a row of transactional_state. It keeps the row it last read or wrote, applies
// a Store to that copy (abort, prepare, commit, in the order Orleans' own grain-storage bridge applies them) and
// writes the whole row as one guarded upsert through the context's group commit. The committed state is sent only
// when a commit moved it; a prepare or a metadata change leaves it as stored.
//
// A grain that still has its state in grain_state (a database from before the transactions migration) reads it
// from there once, through the context's grain storage; its first Store writes the row here, which wins from then on.
// A database with no such state at all is not asked (PostgresTransactionalStore.HasEarlierRecordsAsync).
public sealed class PostgresTransactionalStateStorage<TState>(
    string stateName, GrainId grainId, PostgresTransactionalStore store, IGrainStorage earlierStorage, JsonGrainStateSerializer json)
    : ITransactionalStateStorage<TState> where TState : class, new()
{
    private readonly string _grainId = grainId.ToString();
    private TState _committed = new();
    private long _committedSequenceId;
    private List<PendingTransactionState<TState>> _pending = [];
    private long? _etag;

    public async Task<TransactionalStorageLoadResponse<TState>> Load()
    {
        var metadata = new TransactionalStateMetaData();
        if (await store.ReadAsync(_grainId, stateName) is { } row)
        {
            _etag = row.Etag;
            _committedSequenceId = row.CommittedSequenceId;
            _committed = Read<TState>(row.CommittedState);
            metadata = Read<TransactionalStateMetaData>(row.Metadata);
            _pending = Read<List<PendingTransactionState<TState>>>(row.Pending);
        }
        else
        {
            var record = await store.HasEarlierRecordsAsync() ? await ReadEarlierAsync() : new TransactionalStateRecord<TState>();
            (_etag, _committedSequenceId, _committed, metadata, _pending) =
                (null, record.CommittedSequenceId, record.CommittedState, record.Metadata, record.PendingStates);
        }

        return new TransactionalStorageLoadResponse<TState>(Etag(_etag), _committed, _committedSequenceId, metadata, _pending.ToList());
    }

    private async Task<TransactionalStateRecord<TState>> ReadEarlierAsync()
    {
        var earlier = new GrainState<TransactionalStateRecord<TState>>();
        await earlierStorage.ReadStateAsync(stateName, grainId, earlier);
        return earlier.ETag is null || earlier.State is null ? new TransactionalStateRecord<TState>() : earlier.State;
    }

    public async Task<string> Store(string? expectedETag, TransactionalStateMetaData metadata, List<PendingTransactionState<TState>>? statesToPrepare, long? commitUpTo, long? abortAfter)
    {
        if (expectedETag != Etag(_etag))
        {
            throw new ArgumentException("The etag does not match the stored one.", nameof(expectedETag));
        }

        var pending = new List<PendingTransactionState<TState>>(_pending);
        if (abortAfter is { } last)
        {
            pending.RemoveAll(p => p.SequenceId > last);
        }

        foreach (var prepared in statesToPrepare ?? [])
        {
            var at = pending.FindIndex(p => p.SequenceId >= prepared.SequenceId);
            if (at == -1)
            {
                pending.Add(prepared);
            }
            else if (pending[at].SequenceId == prepared.SequenceId)
            {
                pending[at] = prepared;
            }
            else
            {
                pending.Insert(at, prepared);
            }
        }

        var (committed, committedSequenceId) = (_committed, _committedSequenceId);
        if (commitUpTo is { } upTo && upTo > committedSequenceId)
        {
            var at = pending.FindIndex(p => p.SequenceId == upTo);
            if (at == -1)
            {
                throw new InvalidOperationException($"Transactional state corrupted: no prepare record for committed sequence {upTo}.");
            }

            (committed, committedSequenceId) = (pending[at].State, upTo);
            pending.RemoveRange(0, at + 1);
        }

        // A first write inserts the row, so it carries the committed state even when no commit moved it.
        var sendCommitted = _etag is null || committedSequenceId != _committedSequenceId;
        var etag = (_etag ?? 0) + 1;
        var write = new TransactionalWrite(
            _grainId, stateName, etag, committedSequenceId,
            sendCommitted ? Write(committed) : null, Write(metadata), Write(pending));
        if (!await store.WriteAsync(write))
        {
            throw new InconsistentStateException($"The transactional state '{stateName}' of {_grainId} changed since it was read.", Etag(etag - 1), expectedETag);
        }

        (_etag, _committed, _committedSequenceId, _pending) = (etag, committed, committedSequenceId, pending);
        return Etag(etag)!;
    }

    private static string? Etag(long? etag) => etag?.ToString(CultureInfo.InvariantCulture);

    private T Read<T>(string text) => json.Deserialize<T>(BinaryData.FromString(text));

    private string Write<T>(T value) => json.Serialize(value).ToString();
}

// Creates the storage of one context's transactional states; registered under the context's storage name, which
// Orleans looks up before falling back to grain storage of that name.
public sealed class PostgresTransactionalStateStorageFactory(PostgresTransactionalStore store, IGrainStorage earlierStorage, JsonGrainStateSerializer json)
    : ITransactionalStateStorageFactory
{
    public ITransactionalStateStorage<TState> Create<TState>(string stateName, IGrainContext context) where TState : class, new() =>
        new PostgresTransactionalStateStorage<TState>(stateName, context.GrainId, store, earlierStorage, json);
}
