using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using EShop.GraphQLGateway.Customers;
using EShop.GraphQLGateway.Shared;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EShop.GraphQLGateway.Http;

// The whole API's rate limit (EShop:RateLimits:RequestsPerSecond and Burst): a token bucket per signed-in customer, or
// per client address for anonymous calls. Past it a request is a 429 with Retry-After and a GraphQL error whose code
// is RATE_LIMITED. Health and metrics are not limited: probes must see the gateway as it is.
public static class RequestRateLimits
{
    public const string Policy = "graphql";

    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<AuthRateLimitOptions>>().Value;
                if (limits.RequestsPerSecond <= 0)
                {
                    return RateLimitPartition.GetNoLimiter("off");
                }

                var key = http.User.FindFirst(TokenClaims.Subject)?.Value is { } customer
                    ? "customer:" + customer
                    : "address:" + (http.Connection.RemoteIpAddress ?? IPAddress.None);
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Burst,
                    TokensPerPeriod = limits.RequestsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                response.ContentType = "application/json; charset=utf-8";
                var serializer = context.HttpContext.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
                await serializer.WriteAsync(response.Body, new ExecutionResult
                {
                    Errors = [new ExecutionError($"Too many requests; try again in {retryAfter} s.") { Code = AuthRateLimiter.Code }],
                }, cancellationToken);
            };
        });
}
