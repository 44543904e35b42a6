namespace EShop.Customers;

// Kept in memory: one activation per address in the cluster counts for every gateway and silo, and a lockout that a
// silo's death forgets is a brute-force attempt's 5 more guesses, not an opening. While locked the activation is
// busy often enough (every attempt calls it) not to be collected before the lock ends.
[GrainType("eshop.customers.sign-in-attempts")]
public sealed class SignInAttemptsGrain(TimeProvider time) : Grain, ISignInAttemptsGrain
{
    private int _failures;
    private DateTimeOffset? _lockedUntil;

    public Task<DateTimeOffset?> GetLockedUntilAsync()
    {
        if (_lockedUntil <= time.GetUtcNow())
        {
            (_failures, _lockedUntil) = (0, null);
        }

        return Task.FromResult(_lockedUntil);
    }

    public Task FailedAsync()
    {
        if (++_failures >= ISignInAttemptsGrain.MaxFailures)
        {
            _lockedUntil = time.GetUtcNow() + ISignInAttemptsGrain.LockoutPeriod;
        }

        return Task.CompletedTask;
    }

    public Task SucceededAsync()
    {
        _failures = 0;
        return Task.CompletedTask;
    }
}
