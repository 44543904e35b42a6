using EShop.Shared;
using EShop.Silo.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace EShop.Tests.Durable;

// The event log's rows and their shared commits, against PostgreSQL directly.
[Collection(DurableCollection.Name), Trait("Category", "Integration")]
public sealed class EventLogTests
{
    [Fact]
    public async Task ManyOwnersAppendingAtOnce_ShareTransactions_AndARefusedAppendLeavesNoneOfItsEvents()
    {
        var database = await EventLogSchemaAsync();
        await using var log = new PostgresEventLog(database, NullLogger<PostgresEventLog>.Instance);
        var stale = Owner("stale");
        Assert.True(await log.AppendAsync(stale, 0, ["first"]));

        // 300 owners append two events each; the stale writer appends two at version 0, where another took version 1
        // but not 2; and two appends of one owner at one version queue together.
        var appends = Enumerable.Range(0, 300).Select(i => log.AppendAsync(Owner($"o{i}"), 0, [$"a{i}", $"b{i}"])).ToList();
        var staleAppend = log.AppendAsync(stale, 0, ["lost-1", "lost-2"]);
        var twice = Owner("twice");
        var both = new[] { log.AppendAsync(twice, 0, ["one"]), log.AppendAsync(twice, 0, ["other", "another"]) };

        Assert.All(await Task.WhenAll(appends), Assert.True);
        Assert.False(await staleAppend);
        Assert.Equal(["first"], await log.ReadAsync<string>(stale));
        Assert.Equal(["a299", "b299"], await log.ReadAsync<string>(Owner("o299")));
        var outcomes = await Task.WhenAll(both);
        Assert.Single(outcomes, true);
        Assert.Equal(outcomes[0] ? ["one"] : ["other", "another"], await log.ReadAsync<string>(twice));

        // Rows one transaction wrote share its id (xmin): 600 events went in a handful of transactions.
        var transactions = await DurableServices.ScalarAsync<long>(database, "SELECT count(DISTINCT xmin::text) FROM event_log WHERE owner LIKE 'test/o%'");
        Assert.InRange(transactions, 1, 30);
    }

    [Fact]
    public async Task AppendAfterAnother_ContinuesTheVersions_AndAnAppendAtAnOldVersionIsRefused()
    {
        var database = await EventLogSchemaAsync();
        await using var log = new PostgresEventLog(database, NullLogger<PostgresEventLog>.Instance);
        var owner = Owner("ledger");

        Assert.True(await log.AppendAsync(owner, 0, ["started", "authorized"]));
        Assert.True(await log.AppendAsync(owner, 2, ["captured"]));
        Assert.False(await log.AppendAsync(owner, 1, ["late"]));

        Assert.Equal(["started", "authorized", "captured"], await log.ReadAsync<string>(owner));
        var versions = await DurableServices.ScalarAsync<int[]>(database, "SELECT array_agg(version ORDER BY version) FROM event_log WHERE owner = 'test/ledger'");
        Assert.Equal([1, 2, 3], versions);
    }

    [Fact]
    public async Task ManyOwnersReadAtOnce_EachGetsItsOwnEventsInOrder_AndNoneWhereThereAreNone()
    {
        var database = await EventLogSchemaAsync();
        await using var log = new PostgresEventLog(database, NullLogger<PostgresEventLog>.Instance);
        Assert.All(await Task.WhenAll(Enumerable.Range(0, 300).Select(i => log.AppendAsync(Owner($"o{i}"), 0, [$"a{i}", $"b{i}"])).ToList()), Assert.True);

        // Shuffled, with owners that have no events between them and one owner asked twice in the group.
        var asked = Enumerable.Range(0, 300).Select(i => $"o{i * 7 % 300}").Concat(["none1", "o5", "none2"]).ToList();
        var read = await Task.WhenAll(asked.Select(owner => log.ReadAsync<string>(Owner(owner))).ToList());

        for (var i = 0; i < asked.Count; i++)
        {
            Assert.Equal(asked[i].StartsWith("none", StringComparison.Ordinal) ? [] : [$"a{asked[i][1..]}", $"b{asked[i][1..]}"], read[i]);
        }
    }

    private static GrainId Owner(string key) => GrainId.Create("test", key);

    private static async Task<string> EventLogSchemaAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(await DurableServices.CreateDatabaseAsync()) { SearchPath = StorageNames.Ordering }.ConnectionString;
        await PostgresMigrator.ApplyAsync(database, [PostgresMigrator.EventLogTrack]);
        return database;
    }
}
