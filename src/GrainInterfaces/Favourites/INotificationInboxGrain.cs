using System.Collections.Immutable;

namespace EShop.Favourites;

/// <summary>
/// A customer's notifications (key: customer Guid), newest first, the newest <see cref="Capacity"/> kept. Observers
/// (the gateway's subscriptions) are held in memory and last <see cref="ObserverLifetime"/> unless renewed.
/// </summary>
[Alias("eshop.favourites.INotificationInboxGrain")]
public interface INotificationInboxGrain : IGrainWithGuidKey
{
    const int Capacity = 200;

    static readonly TimeSpan ObserverLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Adds the notification unless one with its id is already here; false when it was.</summary>
    [Alias("Deliver")]
    Task<bool> DeliverAsync(Notification notification);

    [ReadOnly, Alias("Get")]
    Task<ImmutableArray<Notification>> GetAsync(int first, bool unreadOnly);

    /// <summary>Marks the notifications with these ids read and answers with them; ids not in the inbox are left out.</summary>
    [Alias("MarkRead")]
    Task<ImmutableArray<Notification>> MarkReadAsync(ImmutableArray<string> ids);

    /// <summary>Subscribes the observer or renews it; true when it was not subscribed (it may have missed notifications).</summary>
    [Alias("Subscribe")]
    Task<bool> SubscribeAsync(INotificationObserver observer);

    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(INotificationObserver observer);
}
