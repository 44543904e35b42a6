namespace EShop.GraphQLGateway.Shared;

// Bridges one GraphQL subscriber to a grain that holds observers in memory (an order's updates, a customer's inbox): a
// grain observer subscribed on the grain and renewed on a timer, whose notifications go to the subscriber. Disposing it
// unsubscribes and deletes the observer reference. A subclass says how to subscribe, what to send when a subscription
// starts or was lost, and which items are worth sending.
internal abstract class ObserverRelay<TObserver, TItem> : IDisposable where TObserver : class, IGrainObserver
{
    private readonly IGrainFactory _grains;
    private readonly IObserver<TItem> _subscriber;
    private readonly TimeProvider _time;
    private readonly TimeSpan _renewEvery;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopped = new();
    private readonly Lock _lock = new();
    private bool _ended;

    protected ObserverRelay(IGrainFactory grains, IObserver<TItem> subscriber, TimeProvider time, TimeSpan renewEvery, ILogger logger) =>
        (_grains, _subscriber, _time, _renewEvery, _logger) = (grains, subscriber, time, renewEvery, logger);

    // What the logs call the followed grain ("order 42").
    protected abstract string Subject { get; }

    protected IGrainFactory Grains => _grains;

    public void Dispose()
    {
        lock (_lock)
        {
            _ended = true;
        }

        _stopped.Cancel();
    }

    protected void Begin() => _ = RunAsync();

    // Reads what the subscription must know before it starts (what is history rather than news); nothing by default.
    protected virtual Task BeforeSubscribeAsync() => Task.CompletedTask;

    protected abstract Task<bool> SubscribeAsync(TObserver reference);

    protected abstract Task UnsubscribeAsync(TObserver reference);

    // Called once subscribed: first (lost: false), and after a renewal found the subscription lost, when the subscriber
    // may have missed items. Forwards whatever it reads.
    protected abstract Task CatchUpAsync(bool lost);

    // Whether the item is worth sending, under the relay's lock; a subclass records what it has sent.
    protected abstract bool Accept(TItem item);

    // Passes the item on, unless the relay has ended or the subclass turns it down.
    protected void Forward(TItem? item)
    {
        lock (_lock)
        {
            if (!_ended && item is not null && Accept(item))
            {
                _subscriber.OnNext(item);
            }
        }
    }

    private async Task RunAsync()
    {
        // The grain holds the reference, not this object: the subscriber keeps this alive until it disposes it.
        var reference = _grains.CreateObjectReference<TObserver>((IGrainObserver)this);
        try
        {
            // Subscribed before the catch-up read, so a change in between is not lost: it arrives through the observer,
            // the read, or both, and Accept drops a second copy.
            await BeforeSubscribeAsync();
            await SubscribeAsync(reference);
            await CatchUpAsync(lost: false);
            using var renewal = new PeriodicTimer(_renewEvery, _time);
            while (await renewal.WaitForNextTickAsync(_stopped.Token))
            {
                await RenewAsync(reference);
            }
        }
        catch (OperationCanceledException) when (_stopped.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            ObserverRelayLog.Failed(_logger, exception, Subject);
            Fail(exception);
        }
        finally
        {
            await LeaveAsync(reference);
        }
    }

    private async Task RenewAsync(TObserver reference)
    {
        try
        {
            if (await SubscribeAsync(reference))
            {
                // The grain had lost the subscription (its silo went away), so items may have gone by unseen.
                await CatchUpAsync(lost: true);
            }
        }
        catch (Exception exception)
        {
            // The next renewal tries again, well before the grain would drop the subscription.
            ObserverRelayLog.RenewalFailed(_logger, exception, Subject);
        }
    }

    private async Task LeaveAsync(TObserver reference)
    {
        try
        {
            await UnsubscribeAsync(reference);
        }
        catch (Exception exception)
        {
            // Harmless: the grain drops a subscription that is not renewed.
            ObserverRelayLog.LeaveFailed(_logger, exception, Subject);
        }
        finally
        {
            _grains.DeleteObjectReference<TObserver>(reference);
        }
    }

    private void Fail(Exception exception)
    {
        lock (_lock)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            _subscriber.OnError(exception);
        }
    }
}
