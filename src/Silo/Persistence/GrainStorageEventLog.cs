using EShop.Shared;
using Orleans.Storage;

namespace EShop.Silo.Persistence;

// The event log kept as one grain-storage record per grain: for the Local profile, where storage is in memory and a
// row per event would buy nothing. The record's ETag makes an append that races another writer fail.
public sealed class GrainStorageEventLog(IGrainStorage storage) : IEventLog
{
    private const string StateName = "event-log";

    public async Task<IReadOnlyList<TEvent>> ReadAsync<TEvent>(GrainId owner) where TEvent : class => (await ReadStateAsync<TEvent>(owner)).State!;

    public async Task<bool> AppendAsync<TEvent>(GrainId owner, int expectedVersion, IReadOnlyList<TEvent> events) where TEvent : class
    {
        var log = await ReadStateAsync<TEvent>(owner);
        if (log.State!.Count != expectedVersion)
        {
            return false;
        }

        log.State.AddRange(events);
        try
        {
            await storage.WriteStateAsync(StateName, owner, log);
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }

    private async Task<GrainState<List<TEvent>>> ReadStateAsync<TEvent>(GrainId owner)
    {
        var log = new GrainState<List<TEvent>>([]);
        await storage.ReadStateAsync(StateName, owner, log);
        log.State ??= [];
        return log;
    }
}
