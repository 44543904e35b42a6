using System.Diagnostics;
using EShop.Catalog;
using EShop.Favourites;
using Npgsql;

namespace EShop.Benchmarks;

// A price drop on a product that `watchers` customers favourited: how long until the last of them has the notification
// stored. Completion is seen by reading the inboxes (rounds over those still without it); on Durable the database also
// says when it stored the last inbox row, which no polling delay blurs.
public static class WatchersBenchmark
{
    private const int Parallelism = 64;
    private const int PollBatch = 1_000;

    public static async Task RunAsync(IGrainFactory grains, int watchers, string? postgres)
    {
        var sku = $"watched-{DateTime.UtcNow:HHmmssfff}";
        var admin = grains.GetGrain<ICatalogAdminGrain>(0);
        var created = await admin.UpsertProductAsync(sku, new ProductDetails("Watched product", "The watchers benchmark's product.", "electronics", 100m, 1_000, 500));
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(created.Errors[0].Message);
        }

        var customers = Enumerable.Range(0, watchers).Select(_ => Guid.NewGuid()).ToArray();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (customer, _) =>
        {
            var added = await grains.GetGrain<IFavouritesGrain>(customer).AddAsync(sku);
            if (!added.Succeeded)
            {
                throw new InvalidOperationException(added.Errors[0].Message);
            }
        });
        var partitions = 0;
        for (var p = 0; p < IProductWatchersGrain.Partitions; p++)
        {
            partitions += await grains.GetGrain<IWatcherPartitionGrain>(IWatcherPartitionGrain.KeyOf(sku, p)).CountAsync() > 0 ? 1 : 0;
        }

        Console.WriteLine($"{watchers:N0} customers favourited {sku} in {clock.Elapsed.TotalSeconds:F1} s ({watchers / clock.Elapsed.TotalSeconds:F0}/s), spread over {partitions} partitions");

        var databaseStart = postgres is null ? (DateTime?)null : await DatabaseNowAsync(postgres);
        clock.Restart();
        await admin.SetDiscountAsync(sku, 10m);
        var committed = clock.Elapsed;
        var pending = customers.ToList();
        var rounds = 0;
        while (pending.Count > 0)
        {
            rounds++;
            var waiting = new List<Guid>();
            foreach (var batch in pending.Chunk(PollBatch))
            {
                var read = await Task.WhenAll(batch.Select(async c => (c, Has: (await grains.GetGrain<INotificationInboxGrain>(c).GetAsync(1, false)).Length > 0)));
                waiting.AddRange(read.Where(r => !r.Has).Select(r => r.c));
            }

            pending = waiting;
        }

        var seen = clock.Elapsed;
        Console.WriteLine($"Price drop committed in {committed.TotalMilliseconds:F0} ms; every inbox read back with its notification after {seen.TotalMilliseconds:F0} ms ({rounds} reading rounds)");
        if (postgres is not null)
        {
            var (rows, last) = await LastInboxWriteAsync(postgres, databaseStart!.Value);
            Console.WriteLine($"PostgreSQL: {rows:N0} inbox rows; the last stored {last.TotalMilliseconds:F0} ms after the drop began");
        }
    }

    private static async Task<DateTime> DatabaseNowAsync(string postgres)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT clock_timestamp()", connection);
        return (DateTime)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(long Rows, TimeSpan Last)> LastInboxWriteAsync(string postgres, DateTime start)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*), max(modified_on) FROM favourites.grain_state WHERE state_name = 'inbox' AND modified_on >= @start", connection);
        command.Parameters.AddWithValue("start", start);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetDateTime(1) - start);
    }
}
