using EShop.Favourites;
using EShop.GraphQLGateway.Shared;

namespace EShop.GraphQLGateway.Favourites;

// One subscriber's relay of a customer's new notifications. Only what arrives after the subscription began is sent;
// after a lost subscription, the inbox is read for what arrived meanwhile.
internal sealed class NotificationsRelay : ObserverRelay<INotificationObserver, Notification>, INotificationObserver
{
    private readonly Guid _customerId;
    private readonly HashSet<string> _sent = new(StringComparer.Ordinal);
    private HashSet<string> _before = [];

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

    // First: what the inbox holds now is history, not news. After a loss: what it holds beyond that, oldest first.
    protected override async Task CatchUpAsync(bool lost)
    {
        var held = await Inbox.GetAsync(INotificationInboxGrain.Capacity, unreadOnly: false);
        if (!lost)
        {
            _before = [.. held.Select(n => n.Id)];
            return;
        }

        foreach (var notification in held.Reverse())
        {
            Forward(notification);
        }
    }

    protected override bool Accept(Notification notification) => !_before.Contains(notification.Id) && _sent.Add(notification.Id);
}
