using System.Diagnostics;

namespace EShop.Benchmarks;

// Runs an operation from concurrency loops until the time is up and keeps every latency.
public sealed record LoadRun(string Name, int Requests, int Errors, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;

    public double Percentile(double p) => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)(p / 100 * LatenciesMs.Length))];

    public override string ToString() =>
        $"| {Name,-44} | {Requests,8} | {Errors,6} | {PerSecond,10:F0} | {Percentile(50),8:F2} | {Percentile(99),8:F2} |";

    public static Task<LoadRun> MeasureAsync(string name, int concurrency, TimeSpan duration, Func<int, Task<bool>> operation) =>
        MeasureAsync(name, concurrency, duration, (_, index) => operation(index));

    // operation gets the loop's number (0 to concurrency - 1: a loop can own a customer) and the operation's.
    public static async Task<LoadRun> MeasureAsync(string name, int concurrency, TimeSpan duration, Func<int, int, Task<bool>> operation)
    {
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (clock.Elapsed < duration)
            {
                var index = Interlocked.Increment(ref next);
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation(worker, index);
                }
                catch (Exception)
                {
                    ok = false;
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadRun(name, all.Length, errors, elapsed, all);
    }
}
