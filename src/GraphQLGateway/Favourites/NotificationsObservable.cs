using EShop.Favourites;

namespace EShop.GraphQLGateway.Favourites;

// A customer's new notifications as an observable, for a GraphQL subscription; cold, a relay per subscriber.
public sealed class NotificationsObservable(IGrainFactory grains, Guid customerId, TimeProvider time, ILogger<NotificationsObservable> logger) : IObservable<Notification>
{
    public static readonly TimeSpan RenewEvery = INotificationInboxGrain.ObserverLifetime / 5;

    public IDisposable Subscribe(IObserver<Notification> observer) => NotificationsRelay.Start(grains, customerId, observer, time, logger);
}
