using System.Collections.Concurrent;
using System.Net;
using GraphQL;
using Microsoft.Extensions.Options;

namespace EShop.GraphQLGateway.Customers;

// Bound from EShop:RateLimits. Per client address and minute.
public sealed class AuthRateLimitOptions
{
    public const string Section = "EShop:RateLimits";

    // Failed signIn and refreshToken attempts: guesses. Successful ones count nothing, so a busy shop behind one
    // address is not held up by its own customers.
    public int FailedSignInsPerMinute { get; set; } = 30;

    // Accounts created.
    public int SignUpsPerMinute { get; set; } = 120;

    // Every GraphQL request, per signed-in customer or else per client address: a token bucket refilled at this rate
    // a second, holding Burst. Generous by default (a storefront page is a handful of requests; one address may be a
    // whole office behind NAT); 0 turns it off.
    public int RequestsPerSecond { get; set; } = 500;

    public int Burst { get; set; } = 1000;
}

// Counts per client address and minute for the operations that guess or create credentials. Each field counts on
// its own, so the aliases of one request count one by one, and a field past the limit gets a RATE_LIMITED error.
// It sits beside the per-address lockout in the silo (ISignInAttemptsGrain): this stops one client guessing many
// accounts, that one many clients guessing one account.
public sealed class AuthRateLimiter(IOptions<AuthRateLimitOptions> options, IHttpContextAccessor http, TimeProvider time)
{
    public const string Code = "RATE_LIMITED";
    public const string SignIn = "signIn";
    public const string SignUp = "signUp";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(string Operation, IPAddress Client), Counter> _counters = new();

    // Refuses when the client has used up its attempts of this kind in the current minute; counts nothing.
    public void EnsureAllowed(string operation)
    {
        if (Current(operation).Count >= Limit(operation))
        {
            throw new ExecutionError($"Too many {operation} attempts from this address; try again in a minute.") { Code = Code };
        }
    }

    public void Count(string operation) => Interlocked.Increment(ref Current(operation).Count);

    private Counter Current(string operation)
    {
        var now = time.GetUtcNow();
        var key = (operation, http.HttpContext?.Connection.RemoteIpAddress ?? IPAddress.None);
        var counter = _counters.AddOrUpdate(key, _ => new Counter(now), (_, existing) => now - existing.Started < Window ? existing : new Counter(now));
        if (_counters.Count > 10_000)
        {
            // Forget the clients whose minute is over, so the table stays the size of the last minute's clients.
            foreach (var (stale, _) in _counters.Where(c => now - c.Value.Started >= Window))
            {
                _counters.TryRemove(stale, out _);
            }
        }

        return counter;
    }

    private int Limit(string operation) => operation == SignUp ? options.Value.SignUpsPerMinute : options.Value.FailedSignInsPerMinute;

    private sealed class Counter(DateTimeOffset started)
    {
        public int Count;

        public DateTimeOffset Started { get; } = started;
    }
}
