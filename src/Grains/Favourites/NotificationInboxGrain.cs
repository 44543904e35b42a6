using System.Collections.Immutable;
using EShop.Shared;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace EShop.Favourites;

[GrainType("eshop.favourites.inbox")]
public sealed class NotificationInboxGrain(
    [PersistentState(StateNames.Inbox, StorageNames.Favourites)] IPersistentState<List<Notification>> inbox,
    ILogger<NotificationInboxGrain> logger) : Grain, INotificationInboxGrain
{
    private readonly ObserverManager<INotificationObserver> _observers = new(INotificationInboxGrain.ObserverLifetime, logger);

    public async Task<bool> DeliverAsync(Notification notification)
    {
        var list = inbox.State;
        if (list.Any(n => n.Id == notification.Id))
        {
            return false;
        }

        // Newest first; a full inbox has no room for what is older than all it keeps.
        var index = list.FindIndex(n => n.At < notification.At);
        if (index < 0 && list.Count >= INotificationInboxGrain.Capacity)
        {
            return false;
        }

        list.Insert(index < 0 ? list.Count : index, notification);
        if (list.Count > INotificationInboxGrain.Capacity)
        {
            list.RemoveRange(INotificationInboxGrain.Capacity, list.Count - INotificationInboxGrain.Capacity);
        }

        await inbox.WriteStateAsync();
        _observers.ClearExpired();
        await _observers.Notify(o => o.OnNotificationAdded(notification));
        return true;
    }

    public Task<ImmutableArray<Notification>> GetAsync(int first, bool unreadOnly) =>
        Task.FromResult<ImmutableArray<Notification>>([.. inbox.State.Where(n => !unreadOnly || !n.Read).Take(first)]);

    public async Task<ImmutableArray<Notification>> MarkReadAsync(ImmutableArray<string> ids)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var changed = false;
        for (var i = 0; i < inbox.State.Count; i++)
        {
            if (wanted.Contains(inbox.State[i].Id) && !inbox.State[i].Read)
            {
                inbox.State[i] = inbox.State[i] with { Read = true };
                changed = true;
            }
        }

        if (changed)
        {
            await inbox.WriteStateAsync();
        }

        return [.. inbox.State.Where(n => wanted.Contains(n.Id))];
    }

    public Task<bool> SubscribeAsync(INotificationObserver observer) => Task.FromResult(_observers.SubscribeOrRenew(observer));

    public Task UnsubscribeAsync(INotificationObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }
}
