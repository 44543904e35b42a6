using EShop.Ordering.Events;
using EShop.Shared;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.Utilities;

namespace EShop.Ordering;

// Relays the changes of the orders of one ordering stream partition to whoever follows them (the gateway's
// subscriptions). An implicit subscriber of its partition's stream, so every order's events reach it without anyone
// subscribing it; observers are transient and kept in memory only, and a subscriber that stops renewing is dropped
// after ObserverLifetime. The activation stays while subscribers renew; an event for an order nobody follows costs a
// dictionary lookup.
[ImplicitStreamSubscription(StreamNames.Ordering), GrainType("eshop.ordering.order-updates")]
internal sealed partial class OrderUpdatesGrain(IGrainFactory grains, ILogger<OrderUpdatesGrain> logger) : Grain, IOrderUpdatesGrain
{
    private readonly Dictionary<Guid, ObserverManager<IOrderObserver>> _followers = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(StreamNames.Provider).GetStream<OrderingEvent>(StreamId.Create(StreamNames.Ordering, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((e, _) => NotifyAsync(e));

        // Subscribers that went away without unsubscribing, of orders that no longer change, leave with their lifetime.
        this.RegisterGrainTimer(ClearExpired, IOrderUpdatesGrain.ObserverLifetime, IOrderUpdatesGrain.ObserverLifetime);
    }

    public Task<bool> SubscribeAsync(Guid orderId, IOrderObserver observer)
    {
        if (!_followers.TryGetValue(orderId, out var observers))
        {
            _followers[orderId] = observers = new(IOrderUpdatesGrain.ObserverLifetime, logger);
        }

        return Task.FromResult(observers.SubscribeOrRenew(observer));
    }

    public Task UnsubscribeAsync(Guid orderId, IOrderObserver observer)
    {
        if (_followers.TryGetValue(orderId, out var observers))
        {
            observers.Unsubscribe(observer);
            Forget(orderId, observers);
        }

        return Task.CompletedTask;
    }

    private async Task NotifyAsync(OrderingEvent e)
    {
        if (!_followers.TryGetValue(e.OrderId, out var observers))
        {
            return;
        }

        observers.ClearExpired();
        if (Forget(e.OrderId, observers))
        {
            return;
        }

        // Any event means the order changed; the observers get the whole order as it is now, so one read serves every
        // kind of event, including those added later.
        var order = await TransactionRetry.ExecuteAsync(() => grains.GetGrain<IOrderGrain>(e.OrderId).GetAsync(), logger);
        if (order is null)
        {
            return;
        }

        LogNotifying(logger, e.OrderId, e.GetType().Name, observers.Count);
        await observers.Notify(o => o.OnOrderUpdated(order));
    }

    private Task ClearExpired()
    {
        foreach (var (orderId, observers) in _followers)
        {
            observers.ClearExpired();
            Forget(orderId, observers);
        }

        return Task.CompletedTask;
    }

    // True when the order has no observers left, and is forgotten.
    private bool Forget(Guid orderId, ObserverManager<IOrderObserver> observers) => observers.Count == 0 && _followers.Remove(orderId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Order {OrderId}: {Event} goes to {Observers} observers")]
    private static partial void LogNotifying(ILogger logger, Guid orderId, string @event, int observers);
}
