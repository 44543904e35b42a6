using Orleans.Runtime;
using Orleans.Streams;

namespace EShop.Shared;

public static class DomainEventPublishing
{
    // Publishes committed domain events, each on the stream of its aggregate (streamNamespace, key).
    public static async Task PublishAsync<TEvent>(this Grain grain, string streamNamespace, IEnumerable<TEvent> events, Func<TEvent, string> key)
    {
        var provider = grain.GetStreamProvider(StreamNames.Provider);
        foreach (var domainEvent in events)
        {
            await provider.GetStream<TEvent>(StreamId.Create(streamNamespace, key(domainEvent))).OnNextAsync(domainEvent);
        }
    }
}
