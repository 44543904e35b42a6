namespace EShop.Shared;

// One grain's own event log as its activation knows it: the events as it last read or appended them. Appends what the
// grain finds missing; a refused append (another activation wrote first while a silo died, or an earlier append whose
// failure hid that it committed) reads the log again and asks again what is missing, up to MaxAttempts times. An
// append that fails fails the call; the caller's retry lands here again.
public sealed class OwnEventLog<TEvent>(IEventLog log, GrainId owner) where TEvent : class
{
    // Refused appends in a row before giving up (the log is not as appends leave it).
    private const int MaxAttempts = 5;

    private int _logged;

    public async Task<IReadOnlyList<TEvent>> ReadAsync()
    {
        var events = await log.ReadAsync<TEvent>(owner);
        _logged = events.Count;
        return events;
    }

    // missing: the event to append, or null when nothing is missing; appended: the event once in the log; read: the
    // whole log, read again after a refusal.
    public async Task AppendMissingAsync(Func<TEvent?> missing, Action<TEvent> appended, Action<IReadOnlyList<TEvent>> read)
    {
        for (var attempt = 1; missing() is { } next; attempt++)
        {
            if (attempt > MaxAttempts)
            {
                throw new InvalidOperationException($"The event log of {owner} refused {MaxAttempts} appends in a row.");
            }

            if (await log.AppendAsync(owner, _logged, [next]))
            {
                _logged++;
                appended(next);
                return;
            }

            read(await ReadAsync());
        }
    }
}
