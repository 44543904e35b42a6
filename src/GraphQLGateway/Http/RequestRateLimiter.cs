using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using EShop.GraphQLGateway.Customers;
using EShop.GraphQLGateway.Shared;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.Options;

namespace EShop.GraphQLGateway.Http;

// The whole API's rate limit (EShop:RateLimits:RequestsPerSecond and Burst): a token bucket per signed-in customer, or
// per client address for anonymous calls, shared by HTTP requests and WebSocket operations. Past it an HTTP request
// is a 429 with Retry-After, and a socket's operation an error; both carry the code RATE_LIMITED. Health and metrics
// are not limited: probes must see the gateway as it is.
public sealed class RequestRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public RequestRateLimiter(IOptions<AuthRateLimitOptions> options)
    {
        var limits = options.Value;
        if (limits.RequestsPerSecond > 0)
        {
            _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.Burst,
                TokensPerPeriod = limits.RequestsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        }
    }

    // Null when the call may go; otherwise the whole seconds to wait.
    public int? WaitBeforeNext(ClaimsPrincipal? user, IPAddress? address)
    {
        if (_limiter is null)
        {
            return null;
        }

        var key = user?.FindFirst(TokenClaims.Subject)?.Value is { } customer ? "customer:" + customer : "address:" + (address ?? IPAddress.None);
        using var lease = _limiter.AttemptAcquire(key);
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
    }

    public static ExecutionError Refusal(int seconds) => new($"Too many requests; try again in {seconds} s.") { Code = AuthRateLimiter.Code };

    // The 429 of an HTTP request past the limit; false when the request may go.
    public async Task<bool> RefuseAsync(HttpContext http, IGraphQLTextSerializer serializer)
    {
        if (WaitBeforeNext(http.User, http.Connection.RemoteIpAddress) is not { } seconds)
        {
            return false;
        }

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = "application/json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, new ExecutionResult { Errors = [Refusal(seconds)] }, http.RequestAborted);
        return true;
    }

    public void Dispose() => _limiter?.Dispose();
}
