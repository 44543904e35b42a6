using Orleans.Runtime;
using Orleans.Transactions;
using Polly;
using Polly.Retry;

namespace EShop.Shared;

/// <summary>
/// Retries a transaction that Orleans aborted for reasons of its own (lock timeouts and upgrades under contention,
/// a lost participant, an in-doubt commit). An abort that wraps an exception of ours (a bug, a broken rule) is not
/// retried. Callers make their transactions safe to repeat: checkout re-reads whether its order exists inside the
/// retried transaction.
/// </summary>
public static class TransactionRetry
{
    public static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<OrleansTransactionException>(e => e.InnerException is null or OrleansException or TimeoutException),
            MaxRetryAttempts = 12,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(20),
            MaxDelay = TimeSpan.FromSeconds(1),
        })
        .Build();
}
