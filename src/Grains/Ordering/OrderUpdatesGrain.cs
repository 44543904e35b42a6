using EShop.Ordering.Events;
using EShop.Shared;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.Utilities;

namespace EShop.Ordering;

// Relays an order's changes to whoever follows it (the gateway's subscriptions). An implicit subscriber of the
// ordering stream, so every order's events reach it without anyone subscribing it to the stream; observers are
// transient and kept in memory only, and a subscriber that stops renewing is dropped after ObserverLifetime.
[ImplicitStreamSubscription(StreamNames.Ordering), GrainType("eshop.ordering.order-updates")]
internal sealed partial class OrderUpdatesGrain(IGrainFactory grains, ILogger<OrderUpdatesGrain> logger) : Grain, IOrderUpdatesGrain
{
    private readonly ObserverManager<IOrderObserver> _observers = new(IOrderUpdatesGrain.ObserverLifetime, logger);

    private string OrderId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(StreamNames.Provider).GetStream<OrderingEvent>(StreamId.Create(StreamNames.Ordering, OrderId));
        await stream.SubscribeAsync((e, _) => NotifyAsync(e));
    }

    public Task<bool> SubscribeAsync(IOrderObserver observer) => Task.FromResult(_observers.SubscribeOrRenew(observer));

    public Task UnsubscribeAsync(IOrderObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private async Task NotifyAsync(OrderingEvent e)
    {
        _observers.ClearExpired();
        if (_observers.Count == 0)
        {
            // Most orders have nobody watching. Reading the order is a read-only transaction, which on the Durable
            // profile writes its read time to storage: only pay for it for a listener. And an activation per order
            // event would otherwise linger for the collection age.
            DeactivateOnIdle();
            return;
        }

        // Any event means the order changed; the observers get the whole order as it is now, so one read serves every
        // kind of event, including those added later.
        var order = await TransactionRetry.ExecuteAsync(() => grains.GetGrain<IOrderGrain>(e.OrderId).GetAsync(), logger);
        if (order is null)
        {
            return;
        }

        LogNotifying(logger, e.OrderId, e.GetType().Name, _observers.Count);
        await _observers.Notify(o => o.OnOrderUpdated(order));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Order {OrderId}: {Event} goes to {Observers} observers")]
    private static partial void LogNotifying(ILogger logger, Guid orderId, string @event, int observers);
}
