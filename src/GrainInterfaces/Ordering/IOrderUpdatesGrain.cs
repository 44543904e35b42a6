namespace EShop.Ordering;

/// <summary>
/// The observers following the orders of one partition of the ordering stream (key:
/// <see cref="Shared.StreamNames.OrderingKey"/> of the order id), because it is an implicit subscriber of that stream
/// and Orleans derives the grain key from the stream key. Nothing is stored: a subscription lasts
/// <see cref="ObserverLifetime"/> unless renewed.
/// </summary>
[Alias("eshop.ordering.IOrderUpdatesGrain")]
public interface IOrderUpdatesGrain : IGrainWithStringKey
{
    /// <summary>How long a subscription lasts without renewal; subscribers renew well within it.</summary>
    static readonly TimeSpan ObserverLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Subscribes the observer to the order's changes, or renews its subscription. True when it was not subscribed: a
    /// first subscription, or one this grain lost (its silo went away), after which the subscriber may have missed changes.
    /// </summary>
    [Alias("Subscribe")]
    Task<bool> SubscribeAsync(Guid orderId, IOrderObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(Guid orderId, IOrderObserver observer);

    static IOrderUpdatesGrain For(IGrainFactory grains, Guid orderId) =>
        grains.GetGrain<IOrderUpdatesGrain>(Shared.StreamNames.OrderingKey(orderId));
}
