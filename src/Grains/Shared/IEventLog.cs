namespace EShop.Shared;

// An append-only log of events per grain, replayed on activation: the storage of event-sourced grains (the payment
// ledger). The silo chooses the implementation for its profile: rows in PostgreSQL, or grain storage in memory.
public interface IEventLog
{
    Task<IReadOnlyList<TEvent>> ReadAsync<TEvent>(GrainId owner) where TEvent : class;

    // False, appending nothing, when the log does not hold exactly expectedVersion events: another activation wrote first.
    Task<bool> AppendAsync<TEvent>(GrainId owner, int expectedVersion, IReadOnlyList<TEvent> events) where TEvent : class;
}
