using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using EShop.GraphQLGateway.Schema;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using EShop.GraphQLGateway.Hosting;

namespace EShop.GraphQLGateway.Http;

// GraphQL over HTTP at one path: POST with a JSON body, GET with query parameters (queries only), and the GraphiQL
// page for a browser that GETs it without a query. A request that cannot run (bad JSON, no query, a parse or
// validation error, bad variables, a subscription) is a 4xx; a request that ran is a 200 whose errors, if any, are in
// the body. Subscriptions run over a WebSocket at the same path (GraphQLWebSocketEndpoint).
public static class GraphQLHttpEndpoint
{
    private const string GraphQLResponseMediaType = "application/graphql-response+json";

    public static IEndpointRouteBuilder MapGraphQLHttp(this IEndpointRouteBuilder app, string pattern)
    {
        app.MapPost(pattern, PostAsync);
        app.MapGet(pattern, GetAsync);
        return app;
    }

    // The largest body a POST may have. Storefront documents are a few kilobytes; the limit keeps a request's parse
    // and validation work, and the memory it takes, small.
    public const int MaxBodyBytes = 128 * 1024;

    private static async Task PostAsync(HttpContext http, IDocumentExecuter<EShopSchema> executer, IGraphQLTextSerializer serializer)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = MaxBodyBytes;
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            await WriteErrorAsync(http, serializer, StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The body may be at most {MaxBodyBytes} bytes.");
            return;
        }

        if (http.Request.ContentType is not { } contentType || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteErrorAsync(http, serializer, StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "POST a JSON body with Content-Type: application/json.");
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
        }
        catch (JsonException exception)
        {
            await WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, "BAD_REQUEST", $"The body is not a GraphQL request in JSON: {exception.Message}");
            return;
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A body sent without a length (chunked) that ran past the limit.
            await WriteErrorAsync(http, serializer, StatusCodes.Status413PayloadTooLarge, "REQUEST_TOO_LARGE", $"The body may be at most {MaxBodyBytes} bytes.");
            return;
        }

        await ExecuteAsync(http, executer, serializer, request, isGet: false);
    }

    private static async Task GetAsync(HttpContext http, IDocumentExecuter<EShopSchema> executer, IGraphQLTextSerializer serializer, IWebHostEnvironment environment, GraphQLExposure exposure)
    {
        var query = http.Request.Query;
        if (exposure.GraphiQL && !query.ContainsKey("query") && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.SendFileAsync(environment.WebRootFileProvider.GetFileInfo("graphiql.html"), http.RequestAborted);
            return;
        }

        GraphQLRequest request;
        try
        {
            request = new GraphQLRequest
            {
                Query = query["query"],
                OperationName = query["operationName"],
                Variables = query.TryGetValue("variables", out var variables) ? serializer.Deserialize<Inputs>(variables) : null,
                Extensions = query.TryGetValue("extensions", out var extensions) ? serializer.Deserialize<Inputs>(extensions) : null,
            };
        }
        catch (JsonException exception)
        {
            await WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, "BAD_REQUEST", $"variables or extensions is not JSON: {exception.Message}");
            return;
        }

        await ExecuteAsync(http, executer, serializer, request, isGet: true);
    }

    private static readonly IValidationRule[] GetRules = [.. DocumentValidator.CoreRules, QueriesOnlyRule.Instance];
    private static readonly IValidationRule[] PostRules = [.. DocumentValidator.CoreRules, SubscriptionsOverWebSocketRule.Instance];
    private static readonly IValidationRule[] GetCachedRules = [QueriesOnlyRule.Instance];
    private static readonly IValidationRule[] PostCachedRules = [SubscriptionsOverWebSocketRule.Instance];

    private static async Task ExecuteAsync(HttpContext http, IDocumentExecuter<EShopSchema> executer, IGraphQLTextSerializer serializer, GraphQLRequest? request, bool isGet)
    {
        if (string.IsNullOrWhiteSpace(request?.Query))
        {
            await WriteErrorAsync(http, serializer, StatusCodes.Status400BadRequest, "BAD_REQUEST", "The request has no query.");
            return;
        }

        if (await http.RequestServices.GetRequiredService<RequestRateLimiter>().RefuseAsync(http, serializer))
        {
            return;
        }

        var telemetry = http.RequestServices.GetRequiredService<GraphQLTelemetry>();
        using var activity = telemetry.Start();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (http.RequestServices.GetRequiredService<ClusterCircuit>().Isolated)
        {
            http.Response.Headers.RetryAfter = ((int)ClusterCircuit.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await WriteErrorAsync(http, serializer, StatusCodes.Status503ServiceUnavailable, ClusterCircuit.UnavailableCode, "The shop cannot reach its cluster just now; try again shortly.");
            return;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadline.CancelAfter(http.RequestServices.GetRequiredService<GraphQLExposure>().ExecutionTimeout);
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                User = http.User,
                RequestServices = http.RequestServices,
                CancellationToken = deadline.Token,
                ValidationRules = isGet ? GetRules : PostRules,
                CachedDocumentValidationRules = isGet ? GetCachedRules : PostCachedRules,
            });
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            await WriteErrorAsync(http, serializer, StatusCodes.Status504GatewayTimeout, "TIMEOUT", "The request took longer than the gateway allows one to run.");
            return;
        }

        telemetry.Record(activity, result, System.Diagnostics.Stopwatch.GetElapsedTime(started));

        http.Response.StatusCode =
            result.Executed ? StatusCodes.Status200OK
            : result.Errors?.Any(e => e.Code == QueriesOnlyRule.Code) == true ? StatusCodes.Status405MethodNotAllowed
            : StatusCodes.Status400BadRequest;
        if (http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            http.Response.Headers.Allow = "POST";
        }

        await WriteAsync(http, serializer, result);
    }

    private static Task WriteErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, int status, string code, string message)
    {
        http.Response.StatusCode = status;
        return WriteAsync(http, serializer, new ExecutionResult { Errors = [new ExecutionError(message) { Code = code }] });
    }

    private static async Task WriteAsync(HttpContext http, IGraphQLTextSerializer serializer, ExecutionResult result)
    {
        // Answers carry tokens and personal data: no cache, shared or private, keeps them.
        http.Response.Headers.CacheControl = "no-store";
        var accept = http.Request.Headers.Accept.ToString();
        http.Response.ContentType = accept.Contains(GraphQLResponseMediaType, StringComparison.OrdinalIgnoreCase)
            ? GraphQLResponseMediaType + "; charset=utf-8"
            : "application/json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
