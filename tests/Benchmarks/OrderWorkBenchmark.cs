using System.Collections.Concurrent;
using System.Diagnostics;
using EShop.Ordering;
using Npgsql;

namespace EShop.Benchmarks;

// What one order costs from checkout to a labelled parcel, counted rather than timed: a batch of orders through the
// gateway, then the silo left to finish their sagas, and the work divided by the orders — grain requests, messages,
// activations, each process's CPU and, on Durable, PostgreSQL's transactions and rows. A timed run counts the saga's
// work for earlier orders and not its own, as far as the saga lags; this counts each order's whole way to PAID. The
// saga's reminder ticks are put past the run (the benchmark sets a 10-minute period), so parcel tracking is not in it.
public static class OrderWorkBenchmark
{
    public static readonly Dictionary<string, string> Settings = new()
    {
        ["EShop__Ordering__PaymentRetryInterval"] = "00:10:00",
        ["EShop__Shipping__SandboxStepInterval"] = "00:10:00",
    };

    private const int WarmUpOrders = 300;

    public static async Task RunAsync(CheckoutShoppers shoppers, IGrainFactory grains, HttpClient http, string siloUrl, ChildProcess silo, ChildProcess gateway, int orders, string? postgres)
    {
        await PlaceAsync(shoppers, WarmUpOrders, 1_000_000);
        await WaitQuietAsync(http, siloUrl);

        var before = await ReadAsync(http, siloUrl, silo, gateway, postgres);
        var clock = Stopwatch.StartNew();
        var placed = await PlaceAsync(shoppers, orders, 0);
        var placing = clock.Elapsed;
        await WaitQuietAsync(http, siloUrl);
        var after = await ReadAsync(http, siloUrl, silo, gateway, postgres);

        var paid = 0;
        foreach (var id in placed)
        {
            paid += (await grains.GetGrain<IOrderGrain>(Guid.Parse(id)).GetAsync())?.Status == OrderStatus.Paid ? 1 : 0;
        }

        Console.WriteLine($"{placed.Count} orders placed in {placing.TotalSeconds:F1} s by {shoppers.Count} shoppers; all quiet {clock.Elapsed.TotalSeconds:F1} s after the first; {paid} PAID");
        string Per(double total, string format = "F1") => (total / placed.Count).ToString(format);
        Console.WriteLine(after.Counters.PerOrder(before.Counters, placed.Count, "order"));
        Console.WriteLine($"CPU per order: silo {Per((after.Silo - before.Silo).TotalMilliseconds, "F2")} ms, gateway {Per((after.Gateway - before.Gateway).TotalMilliseconds, "F2")} ms, "
            + $"benchmark {Per((after.Benchmark - before.Benchmark).TotalMilliseconds, "F2")} ms"
            + (postgres is null ? "" : $", PostgreSQL {Per((after.Postgres - before.Postgres).TotalMilliseconds, "F2")} ms"));
        if (postgres is not null)
        {
            Console.WriteLine($"PostgreSQL per order: {Per(after.Commits - before.Commits)} transactions committed, {Per(after.Inserted - before.Inserted)} rows inserted, "
                + $"{Per(after.Updated - before.Updated)} updated, {Per(after.Deleted - before.Deleted)} deleted; by table (inserted, updated, deleted):");
            foreach (var (table, rows) in after.Tables.OrderByDescending(t => t.Value.Sum()))
            {
                var was = before.Tables.GetValueOrDefault(table, [0, 0, 0]);
                if (rows.Zip(was, (a, b) => a - b).Sum() is > 0 and var total && total >= placed.Count / 10)
                {
                    Console.WriteLine($"  {table,-36} {Per(rows[0] - was[0]),5} {Per(rows[1] - was[1]),5} {Per(rows[2] - was[2]),5}");
                }
            }
        }
    }

    private static async Task<List<string>> PlaceAsync(CheckoutShoppers shoppers, int orders, int firstKey)
    {
        var placed = new ConcurrentBag<string>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, shoppers.Count).Select(async shopper =>
        {
            for (var i = Interlocked.Increment(ref next); i < orders; i = Interlocked.Increment(ref next))
            {
                placed.Add(await shoppers.CheckoutAsync(shopper, firstKey + i) ?? throw new InvalidOperationException("A benchmark checkout placed no order."));
            }
        }));
        return [.. placed];
    }

    // The sagas are done when the silo serves no more grain requests than an idle one does (about 18 a second here, in
    // bursts every two seconds: its catalog view renewing its subscriptions to the 32 shards and the categories):
    // fewer than 30 a second over five seconds.
    private static async Task WaitQuietAsync(HttpClient http, string siloUrl)
    {
        var window = new Queue<double>([(await SiloCounters.ReadAsync(http, siloUrl)).Requests]);
        while (window.Count < 6 || window.Last() - window.Peek() >= 150)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            window.Enqueue((await SiloCounters.ReadAsync(http, siloUrl)).Requests);
            if (window.Count > 6)
            {
                window.Dequeue();
            }
        }
    }

    private sealed record Reading(
        SiloCounters Counters, TimeSpan Silo, TimeSpan Gateway, TimeSpan Benchmark, TimeSpan Postgres,
        long Commits, long Inserted, long Updated, long Deleted, Dictionary<string, long[]> Tables);

    private static async Task<Reading> ReadAsync(HttpClient http, string siloUrl, ChildProcess silo, ChildProcess gateway, string? postgres)
    {
        var counters = await SiloCounters.ReadAsync(http, siloUrl);
        var (commits, inserted, updated, deleted) = (0L, 0L, 0L, 0L);
        var tables = new Dictionary<string, long[]>();
        if (postgres is not null)
        {
            // Backends report their counts to the statistics at most once a second.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            await using (var command = new NpgsqlCommand(
                "SELECT xact_commit, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database WHERE datname = current_database()", connection))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                (commits, inserted, updated, deleted) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            }

            // A TOAST table counts the chunks of values too large to stay in their row: named after its table.
            const string Tables = """
                SELECT coalesce(n.nspname || '.' || c.relname || ' (TOAST)', s.schemaname || '.' || s.relname), s.n_tup_ins, s.n_tup_upd, s.n_tup_del
                FROM pg_stat_all_tables s
                LEFT JOIN pg_class c ON s.schemaname = 'pg_toast' AND c.reltoastrelid = s.relid
                LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE s.schemaname NOT IN ('pg_catalog', 'information_schema')
                """;
            await using (var command = new NpgsqlCommand(Tables, connection))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables[reader.GetString(0)] = [reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)];
                }
            }
        }

        return new(counters, silo.CpuTime, gateway.CpuTime,
            Process.GetCurrentProcess().TotalProcessorTime, postgres is null ? TimeSpan.Zero : CpuTime.OfName("postgres"), commits, inserted, updated, deleted, tables);
    }
}
