using System.Diagnostics.Metrics;
using Orleans.Runtime;
using Orleans.Transactions;
using Polly;
using Polly.Retry;

namespace EShop.Shared;

public static class TransactionRetry
{
    private static readonly Meter Meter = new("EShop.Transactions");

    // eshop_transactions_retries_total: transactions Orleans aborted and this pipeline ran again.
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>("eshop.transactions.retries", "{retry}", "Aborted transactions run again.");

    // eshop_transactions_aborts_total: transactions that ended aborted after the retries (or were not retried).
    private static readonly Counter<long> Aborts = Meter.CreateCounter<long>("eshop.transactions.aborts", "{abort}", "Transactions that ended aborted.");

    // Both series exist from the first transaction on, at 0, rather than from the first retry or abort.
    static TransactionRetry()
    {
        Retries.Add(0);
        Aborts.Add(0);
    }

    // Retries a transaction that Orleans aborted for reasons of its own: lock timeouts and upgrades under contention,
    // a lost participant. An aborted transaction changed nothing, so running it again is safe. Two failures are not
    // retried: an abort that wraps an exception of ours (a bug or a broken rule), and an in-doubt outcome, which may
    // have committed: repeating a non-idempotent change (a stock delta) would apply it twice.
    public static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            OnRetry = _ =>
            {
                Retries.Add(1);
                return default;
            },
            ShouldHandle = new PredicateBuilder().Handle<OrleansTransactionException>(e =>
                e is not OrleansTransactionInDoubtException && e.InnerException is null or OrleansException or TimeoutException),
            MaxRetryAttempts = 12,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(20),
            MaxDelay = TimeSpan.FromSeconds(1),
        })
        .Build();

    // Runs body as a transaction of its own, again while Orleans aborts it for reasons of its own. A body that returns
    // false aborts it, changing nothing.
    public static Task RunWithRetryAsync(this ITransactionClient transactions, Func<Task<bool>> body) =>
        CountAbortsAsync(() => Pipeline.ExecuteAsync(async _ => await transactions.RunTransaction(TransactionOption.Create, body)).AsTask());

    // The same for a body that always commits.
    public static Task RunWithRetryAsync(this ITransactionClient transactions, Func<Task> body) =>
        CountAbortsAsync(() => Pipeline.ExecuteAsync(async _ => await transactions.RunTransaction(TransactionOption.Create, body)).AsTask());

    private static async Task CountAbortsAsync(Func<Task> run)
    {
        try
        {
            await run();
        }
        catch (OrleansTransactionException)
        {
            Aborts.Add(1);
            throw;
        }
    }
}
