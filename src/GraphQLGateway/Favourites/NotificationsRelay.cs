using EShop.Favourites;
using EShop.GraphQLGateway.Shared;

namespace EShop.GraphQLGateway.Favourites;

// One subscriber's relay of a customer's new notifications: what the inbox holds when the subscription begins is history,
// everything after it is sent, once. Each catch-up (once subscribed, and after a lost subscription) reads the inbox for
// what arrived meanwhile.
internal sealed class NotificationsRelay : ObserverRelay<INotificationObserver, Notification>, INotificationObserver
{
    private readonly Guid _customerId;
    private readonly HashSet<string> _sent = new(StringComparer.Ordinal);
    private IReadOnlySet<string> _history = new HashSet<string>();

    private NotificationsRelay(IGrainFactory grains, Guid customerId, IObserver<Notification> subscriber, TimeProvider time, ILogger logger)
        : base(grains, subscriber, time, NotificationsObservable.RenewEvery, logger) => _customerId = customerId;

    protected override string Subject => $"the notifications of customer {_customerId}";

    private INotificationInboxGrain Inbox => Grains.GetGrain<INotificationInboxGrain>(_customerId);

    public static NotificationsRelay Start(IGrainFactory grains, Guid customerId, IObserver<Notification> subscriber, TimeProvider time, ILogger logger)
    {
        var relay = new NotificationsRelay(grains, customerId, subscriber, time, logger);
        relay.Begin();
        return relay;
    }

    public Task OnNotificationAdded(Notification notification)
    {
        Forward(notification);
        return Task.CompletedTask;
    }

    protected override Task<bool> SubscribeAsync(INotificationObserver reference) => Inbox.SubscribeAsync(reference);

    protected override Task UnsubscribeAsync(INotificationObserver reference) => Inbox.UnsubscribeAsync(reference);

    // Read before the observer is subscribed, so no Accept runs yet.
    protected override async Task BeforeSubscribeAsync() => _history = (await HeldAsync()).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);

    protected override async Task CatchUpAsync(bool lost)
    {
        foreach (var notification in (await HeldAsync()).Reverse())
        {
            Forward(notification);
        }
    }

    protected override bool Accept(Notification notification) => !_history.Contains(notification.Id) && _sent.Add(notification.Id);

    private Task<System.Collections.Immutable.ImmutableArray<Notification>> HeldAsync() => Inbox.GetAsync(INotificationInboxGrain.Capacity, unreadOnly: false);
}
