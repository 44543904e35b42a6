namespace EShop.Ordering;

/// <summary>
/// The observers following one order. Its key is the order id as the ordering stream spells it
/// (<c>orderId.ToString()</c>), because it is an implicit subscriber of that stream and Orleans derives the grain key
/// from the stream key. Nothing is stored: a subscription lasts <see cref="ObserverLifetime"/> unless renewed.
/// </summary>
[Alias("eshop.ordering.IOrderUpdatesGrain")]
public interface IOrderUpdatesGrain : IGrainWithStringKey
{
    /// <summary>How long a subscription lasts without renewal; subscribers renew well within it.</summary>
    static readonly TimeSpan ObserverLifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Subscribes the observer, or renews its subscription. True when it was not subscribed: a first subscription,
    /// or one this grain lost (its silo went away), after which the subscriber may have missed changes.
    /// </summary>
    [Alias("Subscribe")]
    Task<bool> SubscribeAsync(IOrderObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(IOrderObserver observer);
}
