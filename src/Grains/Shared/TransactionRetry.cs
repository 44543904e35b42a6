using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Transactions;
using Polly;
using Polly.Retry;

namespace EShop.Shared;

public static partial class TransactionRetry
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

    // The caller's logger rides in the execution's context: the pipeline is one for the whole silo, the log line is the
    // caller's (its category, and its scope: the order process's scope names the order).
    private static readonly ResiliencePropertyKey<ILogger> Logger = new("EShop.TransactionRetry.Logger");

    private const int MaxRetries = 12;

    // Retries a transaction that Orleans aborted for reasons of its own: lock timeouts and upgrades under contention,
    // a lost participant. An aborted transaction changed nothing, so running it again is safe. Two failures are not
    // retried: an abort that wraps an exception of ours (a bug or a broken rule), and an in-doubt outcome, which may
    // have committed: repeating a non-idempotent change (a stock delta) would apply it twice.
    public static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            OnRetry = args =>
            {
                Retries.Add(1);
                if (args.Context.Properties.TryGetValue(Logger, out var logger))
                {
                    LogRetry(logger, args.AttemptNumber + 1, MaxRetries, (long)args.RetryDelay.TotalMilliseconds, args.Outcome.Exception?.Message);
                }

                return default;
            },
            ShouldHandle = new PredicateBuilder().Handle<OrleansTransactionException>(e =>
                e is not OrleansTransactionInDoubtException && e.InnerException is null or OrleansException or TimeoutException),
            MaxRetryAttempts = MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(20),
            MaxDelay = TimeSpan.FromSeconds(1),
        })
        .Build();

    // Runs body (a read in a transaction, or a call that joins one) again while Orleans aborts it; each retry is a line
    // in logger's log when there is one.
    public static async Task<T> ExecuteAsync<T>(Func<Task<T>> body, ILogger? logger = null)
    {
        var context = ResilienceContextPool.Shared.Get();
        if (logger is not null)
        {
            context.Properties.Set(Logger, logger);
        }

        try
        {
            return await Pipeline.ExecuteAsync<T, Func<Task<T>>>(static async (_, body) => await body(), context, body);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // Runs body as a transaction of its own, again while Orleans aborts it for reasons of its own. A body that returns
    // false aborts it, changing nothing.
    public static Task RunWithRetryAsync(this ITransactionClient transactions, Func<Task<bool>> body, ILogger? logger = null) =>
        CountAbortsAsync(() => ExecuteAsync(async () =>
        {
            await transactions.RunTransaction(TransactionOption.Create, body);
            return true;
        }, logger));

    // The same for a body that always commits.
    public static Task RunWithRetryAsync(this ITransactionClient transactions, Func<Task> body, ILogger? logger = null) =>
        CountAbortsAsync(() => ExecuteAsync(async () =>
        {
            await transactions.RunTransaction(TransactionOption.Create, body);
            return true;
        }, logger));

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transaction aborted by Orleans ({Reason}); retry {Attempt} of {MaxAttempts} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, int attempt, int maxAttempts, long delayMs, string? reason);
}
