using EShop.Ordering;

namespace EShop.GraphQLGateway.Ordering;

// One order's changes as an observable, for a GraphQL subscription: the order as it is now, then after every change.
// Cold: each subscriber gets a relay (a grain observer) of its own, so ending one subscription never affects another.
public sealed class OrderUpdatesObservable(IGrainFactory grains, Guid orderId, TimeProvider time, ILogger<OrderUpdatesObservable> logger) : IObservable<OrderSnapshot>
{
    // Well within the grain's ObserverLifetime, so a renewal or two can fail (a silo restarting) without the grain
    // dropping the subscriber.
    public static readonly TimeSpan RenewEvery = IOrderUpdatesGrain.ObserverLifetime / 5;

    public IDisposable Subscribe(IObserver<OrderSnapshot> observer) => OrderUpdatesRelay.Start(grains, orderId, observer, time, logger);
}
