namespace EShop.Customers;

/// <summary>
/// Failed sign-ins of one e-mail address (keyed by <see cref="EmailAddress.IndexKey"/>, registered or not, so the
/// answer never tells whether an account exists): after <see cref="MaxFailures"/> in a row the address is locked for
/// <see cref="LockoutPeriod"/>.
/// </summary>
[Alias("eshop.customers.ISignInAttemptsGrain")]
public interface ISignInAttemptsGrain : IGrainWithStringKey
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(15);

    /// <summary>Until when the address is locked, or null when a sign-in may be tried.</summary>
    [Alias("LockedUntil")]
    Task<DateTimeOffset?> GetLockedUntilAsync();

    [Alias("Failed")]
    Task FailedAsync();

    [Alias("Succeeded")]
    Task SucceededAsync();
}
