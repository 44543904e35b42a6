using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EShop.Benchmarks;

// Runs pgbench with pgbench-checkout.sql against a database of its own: the commit rate PostgreSQL itself reaches
// for a checkout's writes, the ceiling the Durable profile's checkouts are compared with.
public static partial class PgBench
{
    // Also PostgreSQL's CPU time per transaction while pgbench ran (every postgres process, from /proc).
    public static async Task<(double Tps, double LatencyMs, TimeSpan CpuPerTransaction)> RunAsync(string host, int port, string database, int clients, int seconds)
    {
        await RunAsync("psql", ["-h", host, "-p", $"{port}", "-U", "postgres", "-d", database, "-qc", """
            CREATE TABLE bench_products (id int PRIMARY KEY, stock int NOT NULL, version int NOT NULL);
            CREATE TABLE bench_carts (id int PRIMARY KEY, payload jsonb NOT NULL);
            CREATE TABLE bench_orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, cart_id int NOT NULL, payload jsonb NOT NULL);
            INSERT INTO bench_products SELECT g, 1000000000, 0 FROM generate_series(1, 200) g;
            INSERT INTO bench_carts SELECT g, '{"lines": []}' FROM generate_series(1, 20000) g;
            """]);
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Order().Last();
        var script = Path.Combine(ChildProcess.RepositoryRoot, "tests", "Benchmarks", "pgbench-checkout.sql");
        var cpuBefore = CpuTime.OfName("postgres");
        var output = await RunAsync(Path.Combine(bin, "bin", "pgbench"),
            ["-h", host, "-p", $"{port}", "-U", "postgres", "-n", "-c", $"{clients}", "-j", "2", "-T", $"{seconds}", "-f", script, database]);
        var cpu = CpuTime.OfName("postgres") - cpuBefore;
        return (double.Parse(Tps().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
                double.Parse(Latency().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
                cpu / long.Parse(Processed().Match(output).Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static async Task<string> RunAsync(string file, string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} failed: {errors}");
    }

    [GeneratedRegex(@"tps = ([0-9.]+)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"latency average = ([0-9.]+) ms")]
    private static partial Regex Latency();

    [GeneratedRegex(@"number of transactions actually processed: (\d+)")]
    private static partial Regex Processed();
}
