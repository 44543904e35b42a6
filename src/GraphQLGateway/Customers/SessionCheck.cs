using System.Security.Claims;
using EShop.Customers;
using EShop.GraphQLGateway.Shared;
using Microsoft.Extensions.Caching.Memory;

namespace EShop.GraphQLGateway.Customers;

// A well-signed access token is not enough: it must belong to a session a sign-in started for that customer and that
// has not ended (signed out, a password change, or its refresh tokens replayed). A token without one (made with the key, never issued by
// a sign-in) is refused. The answer is kept 15 s per session, so a busy customer costs one grain call per 15 s;
// an end made through another gateway takes effect within that, through this one at once.
public sealed class SessionCheck(IGrainFactory grains, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan Remember = TimeSpan.FromSeconds(15);

    private readonly MemoryCache _active = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async ValueTask<bool> IsActiveAsync(ClaimsPrincipal? user)
    {
        if (!Guid.TryParse(user?.FindFirstValue(TokenClaims.Subject), out var customer)
            || !Guid.TryParse(user.FindFirstValue(TokenClaims.Session), out var session))
        {
            return false;
        }

        // A customer whose sessions all ended here just now is asked about afresh until the cached answers are stale.
        if (_active.TryGetValue(customer, out _) || !_active.TryGetValue(session, out bool active))
        {
            active = await grains.GetGrain<ICustomerSessionsGrain>(customer).IsActiveAsync(session);
            _active.Set(session, active, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = time.GetUtcNow() + Remember });
        }

        return active;
    }

    public void Forget(Guid session) => _active.Remove(session);

    // Every session of the customer ended (a password change, a revoked role).
    public void ForgetCustomer(Guid customer) =>
        _active.Set(customer, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = time.GetUtcNow() + Remember });

    public void Dispose() => _active.Dispose();
}
