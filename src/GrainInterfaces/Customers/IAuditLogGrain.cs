using System.Collections.Immutable;

namespace EShop.Customers;

/// <summary>
/// What staff did (and tried to do) on one UTC day (key: "yyyy-MM-dd"): who, what, to what, when, from where, and
/// how it ended. Appended, never changed.
/// </summary>
[Alias("eshop.customers.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    [Alias("Record")]
    Task RecordAsync(AuditEntry entry);

    /// <summary>The day's entries, newest first.</summary>
    [Alias("Entries")]
    Task<ImmutableArray<AuditEntry>> GetEntriesAsync();

    public static string DayOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <param name="Target">The operation's arguments as JSON, secrets left out.</param>
/// <param name="Outcome">"ok", or the error codes it ended with.</param>
[GenerateSerializer, Immutable, Alias("eshop.customers.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] Guid? ActorId,
    [property: Id(2)] string Action,
    [property: Id(3)] string Target,
    [property: Id(4)] string? From,
    [property: Id(5)] string Outcome);
