using EShop.Ordering;

namespace EShop.GraphQLGateway.Ordering;

// Bridges one subscriber to the cluster: a grain observer subscribed on the order's OrderUpdatesGrain and renewed on a
// timer, whose notifications go to the subscriber. Disposing it unsubscribes and deletes the observer reference.
internal sealed partial class OrderUpdatesRelay : IOrderObserver, IDisposable
{
    private readonly IGrainFactory _grains;
    private readonly Guid _orderId;
    private readonly IObserver<OrderSnapshot> _subscriber;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopped = new();
    private readonly Lock _lock = new();
    private int _timelineSent = -1;
    private bool _ended;

    private OrderUpdatesRelay(IGrainFactory grains, Guid orderId, IObserver<OrderSnapshot> subscriber, TimeProvider time, ILogger logger) =>
        (_grains, _orderId, _subscriber, _time, _logger) = (grains, orderId, subscriber, time, logger);

    private IOrderUpdatesGrain Updates => _grains.GetGrain<IOrderUpdatesGrain>(_orderId.ToString());

    public static OrderUpdatesRelay Start(IGrainFactory grains, Guid orderId, IObserver<OrderSnapshot> subscriber, TimeProvider time, ILogger logger)
    {
        var relay = new OrderUpdatesRelay(grains, orderId, subscriber, time, logger);
        _ = relay.RunAsync();
        return relay;
    }

    public Task OnOrderUpdated(OrderSnapshot order)
    {
        Forward(order);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _ended = true;
        }

        _stopped.Cancel();
    }

    private async Task RunAsync()
    {
        // The grain holds the reference, not this object: the subscriber keeps this alive until it disposes it.
        var reference = _grains.CreateObjectReference<IOrderObserver>(this);
        try
        {
            // Subscribed before the read, so a change in between is not lost: it arrives through the observer, and
            // Forward drops whichever of the two turns out older.
            await Updates.SubscribeAsync(reference);
            Forward(await ReadAsync());
            using var renewal = new PeriodicTimer(OrderUpdatesObservable.RenewEvery, _time);
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
            LogFailed(_logger, exception, _orderId);
            Fail(exception);
        }
        finally
        {
            await LeaveAsync(reference);
        }
    }

    private async Task RenewAsync(IOrderObserver reference)
    {
        try
        {
            if (await Updates.SubscribeAsync(reference))
            {
                // The grain had lost the subscription (its silo went away), so changes may have gone by unseen.
                Forward(await ReadAsync());
            }
        }
        catch (Exception exception)
        {
            // The next renewal tries again, well before the grain would drop the subscription.
            LogRenewalFailed(_logger, exception, _orderId);
        }
    }

    private async Task LeaveAsync(IOrderObserver reference)
    {
        try
        {
            await Updates.UnsubscribeAsync(reference);
        }
        catch (Exception exception)
        {
            // Harmless: the grain drops a subscription that is not renewed.
            LogLeaveFailed(_logger, exception, _orderId);
        }
        finally
        {
            _grains.DeleteObjectReference<IOrderObserver>(reference);
        }
    }

    private Task<OrderSnapshot?> ReadAsync() => _grains.GetGrain<IOrderGrain>(_orderId).GetAsync();

    // Passes the order on unless it is older than one already sent (the first read can race a change the observer
    // delivers first). Every change adds to the timeline, so its length orders two snapshots of one order.
    private void Forward(OrderSnapshot? order)
    {
        lock (_lock)
        {
            if (_ended || order is null || order.Timeline.Length < _timelineSent)
            {
                return;
            }

            _timelineSent = order.Timeline.Length;
            _subscriber.OnNext(order);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Following order {OrderId} failed; the subscription ends")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the subscription to order {OrderId} failed; trying again at the next renewal")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, Guid orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unsubscribing from order {OrderId} failed; the grain drops the subscription when it expires")]
    private static partial void LogLeaveFailed(ILogger logger, Exception exception, Guid orderId);
}
