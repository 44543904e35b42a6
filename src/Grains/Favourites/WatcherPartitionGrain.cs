using EShop.Shared;

namespace EShop.Favourites;

[GrainType("eshop.favourites.watcher-partition")]
public sealed class WatcherPartitionGrain(
    [PersistentState(StateNames.Watchers, StorageNames.Favourites)] IPersistentState<HashSet<Guid>> watchers,
    IGrainFactory grains) : Grain, IWatcherPartitionGrain
{
    // Deliveries in flight at once from one partition: enough to keep the silos busy, few enough to bound the messages
    // a best seller's fan-out puts in the queues.
    private const int InFlight = 256;

    public async Task AddAsync(Guid customerId)
    {
        if (watchers.State.Add(customerId))
        {
            await watchers.WriteStateAsync();
        }
    }

    public async Task RemoveAsync(Guid customerId)
    {
        if (watchers.State.Remove(customerId))
        {
            await watchers.WriteStateAsync();
        }
    }

    public async Task NotifyAsync(Notification notification)
    {
        foreach (var chunk in watchers.State.ToArray().Chunk(InFlight))
        {
            await Task.WhenAll(chunk.Select(c => grains.GetGrain<INotificationInboxGrain>(c).DeliverAsync(notification)));
        }
    }

    public Task<int> CountAsync() => Task.FromResult(watchers.State.Count);
}
