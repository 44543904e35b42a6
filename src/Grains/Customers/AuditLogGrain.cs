using System.Collections.Immutable;
using EShop.Shared;

namespace EShop.Customers;

// The day's entries are events of the event log (one row each on PostgreSQL), read once when the day's grain
// activates; an append that finds another writer first (a second activation during a silo's death) reads again and
// appends after it, so no entry is lost or overwritten.
[GrainType("eshop.customers.audit-log")]
public sealed class AuditLogGrain(IEventLog log) : Grain, IAuditLogGrain
{
    private List<AuditEntry> _entries = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _entries = [.. await log.ReadAsync<AuditEntry>(this.GetGrainId())];

    public async Task RecordAsync(AuditEntry entry)
    {
        while (!await log.AppendAsync(this.GetGrainId(), _entries.Count, [entry]))
        {
            _entries = [.. await log.ReadAsync<AuditEntry>(this.GetGrainId())];
        }

        _entries.Add(entry);
    }

    public Task<ImmutableArray<AuditEntry>> GetEntriesAsync() => Task.FromResult(_entries.AsEnumerable().Reverse().ToImmutableArray());
}
