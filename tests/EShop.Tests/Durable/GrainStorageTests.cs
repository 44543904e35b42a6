using EShop.Shared;
using EShop.Shipping;
using EShop.Silo.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Orleans.Transactions;

namespace EShop.Tests.Durable;

// Grain state's rows and their group commit (PostgresGrainStorage), against PostgreSQL directly: the rows Orleans'
// ADO.NET bridge wrote are read and written under the same keys, a stale writer is refused alone, and a statement that
// dies part-way writes none of its rows.
[Collection(DurableCollection.Name), Trait("Category", "Integration")]
public sealed class GrainStorageTests
{
    private const string ServiceId = "eshop-test";

    // How a flush's statement starts, to find it among the database's backends.
    private const string Write = "WITH w AS";

    private static readonly ServiceProvider Serialization = new ServiceCollection().AddSerializer().BuildServiceProvider();

    [Fact]
    public async Task ManyGrainsWritingAtOnce_ShareStatements_AndOnlyTheStaleWriterIsRefused()
    {
        var database = await StorageSchemaAsync();
        await using var storage = Storage(database);
        var stale = await WrittenAsync(storage, Grain("stale"), Guid.NewGuid());

        // 300 new grains; a writer that expects no row where one is; and two writes of one grain with one ETag, queued
        // at once (in one group, then one statement after the other, or in the two writers' statements at once): one
        // of them is refused.
        var states = Enumerable.Range(0, 300).Select(i => (Grain: Grain($"g{i}"), State: State(Guid.NewGuid()))).ToList();
        var writes = states.Select(s => storage.WriteStateAsync(StateNames.TrackingNumber, s.Grain, s.State)).ToList();
        var staleWrite = storage.WriteStateAsync(StateNames.TrackingNumber, Grain("stale"), State(Guid.NewGuid()));
        var (first, second) = (State(Guid.NewGuid(), stale.ETag), State(Guid.NewGuid(), stale.ETag));
        var both = new[] { first, second }.Select(s => Outcome(storage.WriteStateAsync(StateNames.TrackingNumber, Grain("stale"), s))).ToList();

        await Task.WhenAll(writes);
        Assert.All(states, s => Assert.Equal(("1", true), (s.State.ETag, s.State.RecordExists)));
        await Assert.ThrowsAsync<InconsistentStateException>(() => staleWrite);
        var outcomes = await Task.WhenAll(both);
        Assert.Single(outcomes, true);
        var winner = outcomes[0] ? first : second;
        Assert.Equal("2", winner.ETag);

        var read = await ReadAsync(storage, Grain("stale"));
        Assert.Equal((winner.State!.OrderId, "2", true), (read.State!.OrderId, read.ETag, read.RecordExists));
        Assert.Equal(states[299].State.State!.OrderId, (await ReadAsync(storage, states[299].Grain)).State!.OrderId);

        // Rows one statement wrote share its transaction id (xmin): 300 writes went in a handful of statements.
        var transactions = await DurableServices.ScalarAsync<long>(database, "SELECT count(DISTINCT xmin::text) FROM grain_state WHERE key_string LIKE 'g%'");
        Assert.InRange(transactions, 1, 30);
    }

    [Fact]
    public async Task StateOrleansAdoNetBridgeStored_IsReadAndUpdatedInPlace_AndTheBridgeReadsWhatThisWrote()
    {
        var database = await StorageSchemaAsync();
        await using var storage = Storage(database);
        var bridge = await BridgeAsync(database);
        GrainId[] keys =
        [
            GrainId.Create(GrainType.Create("test"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid())),
            GrainId.Create(GrainType.Create("test"), GrainIdKeyExtensions.CreateIntegerKey(42, "extension")),
            Grain("a-string-key"),
        ];
        var stored = keys.Select(_ => State(Guid.NewGuid())).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            await bridge.WriteStateAsync(StateNames.TrackingNumber, keys[i], stored[i]);
        }

        var read = await Task.WhenAll(keys.Select(key => ReadAsync(storage, key)));

        Assert.Equal(stored.Select(s => (s.State!.OrderId, s.ETag)), read.Select(r => (r.State!.OrderId, r.ETag)));
        var moved = State(Guid.NewGuid(), read[0].ETag);
        await storage.WriteStateAsync(StateNames.TrackingNumber, keys[0], moved);
        var back = State(null);
        await bridge.ReadStateAsync(StateNames.TrackingNumber, keys[0], back);
        Assert.Equal((moved.State!.OrderId, "2"), (back.State!.OrderId, back.ETag));
        Assert.Equal(3L, await DurableServices.ScalarAsync<long>(database, "SELECT count(*) FROM grain_state"));
    }

    [Fact]
    public async Task Clear_KeepsTheRowWithoutState_AndAStaleWriterIsStillRefused()
    {
        var database = await StorageSchemaAsync();
        await using var storage = Storage(database);
        var written = await WrittenAsync(storage, Grain("cleared"), Guid.NewGuid());
        var staleETag = written.ETag;

        await storage.ClearStateAsync(StateNames.TrackingNumber, Grain("cleared"), written);

        Assert.Equal(("2", false, (Guid?)null), (written.ETag, written.RecordExists, written.State!.OrderId));
        var read = await ReadAsync(storage, Grain("cleared"));
        Assert.Equal(("2", false, (Guid?)null), (read.ETag, read.RecordExists, read.State!.OrderId));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateNames.TrackingNumber, Grain("cleared"), State(Guid.NewGuid(), staleETag)));
        await storage.WriteStateAsync(StateNames.TrackingNumber, Grain("cleared"), State(Guid.NewGuid(), read.ETag));

        // A grain that knows of no row clears nothing, and writes none.
        var never = State(null);
        await storage.ClearStateAsync(StateNames.TrackingNumber, Grain("never"), never);
        Assert.Equal(((string?)null, false), (never.ETag, never.RecordExists));
        Assert.Equal(1L, await DurableServices.ScalarAsync<long>(database, "SELECT count(*) FROM grain_state"));
    }

    [Fact]
    public async Task FlushWhoseConnectionDiesMidStatement_WritesNoneOfItsRows()
    {
        var database = await StorageSchemaAsync();
        await using var storage = Storage(database);
        var rows = new Dictionary<string, GrainState<TrackingNumberState>>();
        foreach (var key in new[] { "busy1", "busy2", "locked" })
        {
            rows[key] = await WrittenAsync(storage, Grain(key), Guid.NewGuid());
        }

        await using var holdsBusy1 = await LockAsync(database, "busy1");
        await using var holdsBusy2 = await LockAsync(database, "busy2");
        await using var holdsLocked = await LockAsync(database, "locked");

        // Both writers wait on a held row, so the next three writes queue up; when busy1's writer is let go it takes
        // all three as one statement, which inserts 'first' and then waits on the lock of 'locked'.
        var busy1 = storage.WriteStateAsync(StateNames.TrackingNumber, Grain("busy1"), rows["busy1"]);
        await RowLocks.WaitForWaitersAsync(database, Write, 1);
        _ = storage.WriteStateAsync(StateNames.TrackingNumber, Grain("busy2"), rows["busy2"]);
        await RowLocks.WaitForWaitersAsync(database, Write, 2);
        var batch = new[] { ("first", State(Guid.NewGuid())), ("locked", rows["locked"]), ("last", State(Guid.NewGuid())) }
            .Select(w => storage.WriteStateAsync(StateNames.TrackingNumber, Grain(w.Item1), w.Item2)).ToArray();
        await holdsBusy1.DisposeAsync();
        await busy1;
        await RowLocks.WaitForWaitersAsync(database, Write, 2);

        // The database's view of a writer that dies: the connection is gone mid-statement.
        await RowLocks.TerminateWaitersAsync(database, Write);

        foreach (var write in batch)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => write);
        }

        await holdsLocked.DisposeAsync();
        Assert.Null((await ReadAsync(storage, Grain("first"))).ETag);
        Assert.Null((await ReadAsync(storage, Grain("last"))).ETag);
        Assert.Equal("1", (await ReadAsync(storage, Grain("locked"))).ETag);
    }

    private static readonly JsonGrainStateSerializer Json = new(
        new ParticipantIdJsonConverter(Serialization.GetRequiredService<Serializer<ParticipantId>>()),
        new PersonalDataProtector(new ConfigurationBuilder().Build()));

    private static PostgresGrainStorage Storage(string database) =>
        new(database, ServiceId, Json, Serialization.GetRequiredService<IActivatorProvider>(), NullLogger<PostgresGrainStorage>.Instance);

    // Orleans' ADO.NET grain storage on the same table, as the silo used it before PostgresGrainStorage; started as a
    // silo starts it (it reads its queries from orleansquery).
    private static async Task<AdoNetGrainStorage> BridgeAsync(string database)
    {
        var bridge = new AdoNetGrainStorage(
            Serialization.GetRequiredService<IActivatorProvider>(),
            NullLogger<AdoNetGrainStorage>.Instance,
            Options.Create(new AdoNetGrainStorageOptions { Invariant = "Npgsql", ConnectionString = database, GrainStorageSerializer = Json }),
            Options.Create(new ClusterOptions { ServiceId = ServiceId }),
            "bridge");
        var lifecycle = new SiloLifecycleSubject(NullLogger<SiloLifecycleSubject>.Instance);
        bridge.Participate(lifecycle);
        await lifecycle.OnStart(CancellationToken.None);
        return bridge;
    }

    private static GrainId Grain(string key) => GrainId.Create("test", key);

    private static GrainState<TrackingNumberState> State(Guid? orderId, string? etag = null) =>
        new(new TrackingNumberState { OrderId = orderId }, etag);

    private static async Task<GrainState<TrackingNumberState>> WrittenAsync(PostgresGrainStorage storage, GrainId grain, Guid orderId)
    {
        var state = State(orderId);
        await storage.WriteStateAsync(StateNames.TrackingNumber, grain, state);
        return state;
    }

    private static async Task<GrainState<TrackingNumberState>> ReadAsync(PostgresGrainStorage storage, GrainId grain)
    {
        var state = State(null);
        await storage.ReadStateAsync(StateNames.TrackingNumber, grain, state);
        return state;
    }

    private static async Task<bool> Outcome(Task write)
    {
        try
        {
            await write;
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }

    private static Task<NpgsqlConnection> LockAsync(string database, string key) =>
        RowLocks.LockAsync(database, $"SELECT 1 FROM grain_state WHERE key_string = '{key}' FOR UPDATE");

    private static async Task<string> StorageSchemaAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(await DurableServices.CreateDatabaseAsync()) { SearchPath = StorageNames.Shipping }.ConnectionString;
        await PostgresMigrator.ApplyAsync(database, [PostgresMigrator.StorageTrack]);
        return database;
    }
}
