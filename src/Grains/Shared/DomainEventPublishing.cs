using Orleans.Runtime;
using Orleans.Streams;

namespace EShop.Shared;

public static class DomainEventPublishing
{
    // At most this many events go in one message: a catalog event carries the whole product (a description of up to
    // 10,000 characters), and Event Hubs refuses a message over 1 MB (256 KB on its Basic tier).
    private const int MaxEventsPerMessage = 16;

    // Publishes committed domain events, each on its stream (streamNamespace, key): one stream's events in as few
    // messages as that allows, one after the other, in order; different streams' at once. On Durable a message is an
    // insert into the stream queue: a catalog shard publishing an import's share (about 16 products) one event at a
    // time spent 150 ms.
    public static async Task PublishAsync<TEvent>(this Grain grain, string streamNamespace, IEnumerable<TEvent> events, Func<TEvent, string> key)
    {
        var provider = grain.GetStreamProvider(StreamNames.Provider);
        await Task.WhenAll(events.GroupBy(key).Select(async stream =>
        {
            var target = provider.GetStream<TEvent>(StreamId.Create(streamNamespace, stream.Key));
            foreach (var message in stream.Chunk(MaxEventsPerMessage))
            {
                await target.OnNextBatchAsync(message);
            }
        }));
    }
}
