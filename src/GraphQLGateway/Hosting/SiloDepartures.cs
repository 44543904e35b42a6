using Orleans.Runtime;

namespace EShop.GraphQLGateway.Hosting;

// The gateway sends each grain call through one silo's gateway, which forwards it to the silo holding the grain and
// keeps no record of it. When a silo is killed with a call on it, whether as the gateway the call went through or as
// the grain's host, no answer and no rejection ever comes back: the Orleans client waits out its 30 s response
// timeout, and a shopper's checkout hangs that long although the grain is active again on another silo a few seconds
// after the death (docs/architecture.md, Recovery). So the gateway watches the cluster's active silos (ClusterCircuit's
// probe, every second), and a call that was in flight when one of them left and is still unanswered a grace period
// later is failed with UNAVAILABLE. The storefront tries again (a checkout with the same idempotency key, which never
// orders twice) and reaches the grain's new activation. A call that was only slow goes on in the cluster; the gateway
// stops waiting for it.
public sealed class SiloDepartures(TimeProvider time) : IOutgoingGrainCallFilter
{
    // Long enough for a call on a surviving silo to finish (a checkout's p99 under load is about 0.5 s).
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private CancellationTokenSource _departure = new();
    private HashSet<SiloAddress>? _active;

    // Cancelled when a silo leaves the cluster; then replaced, for the calls made after.
    public CancellationToken Departure => Volatile.Read(ref _departure).Token;

    // The active silos, as each answered probe sees them.
    public void Observe(IEnumerable<SiloAddress> active)
    {
        CancellationTokenSource? departed = null;
        lock (_lock)
        {
            var now = active.ToHashSet();
            if (_active is not null && !_active.IsSubsetOf(now))
            {
                departed = _departure;
                Volatile.Write(ref _departure, new CancellationTokenSource());
            }

            _active = now;
        }

        // Not disposed: calls still register on its token.
        departed?.Cancel();
    }

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        var departure = Departure;
        var call = context.Invoke();
        return call.IsCompleted ? call : UnlessLostAsync(call, departure, Grace, time);
    }

    public static async Task UnlessLostAsync(Task call, CancellationToken departure, TimeSpan grace, TimeProvider time)
    {
        try
        {
            await call.WaitAsync(departure);
            return;
        }
        catch (OperationCanceledException) when (departure.IsCancellationRequested)
        {
        }

        try
        {
            await call.WaitAsync(grace, time);
        }
        catch (TimeoutException) when (!call.IsCompleted)
        {
            call.Ignore();
            throw ClusterFailures.Unavailable("A part of the shop's cluster stopped while this request was on it; try again.");
        }
    }
}
