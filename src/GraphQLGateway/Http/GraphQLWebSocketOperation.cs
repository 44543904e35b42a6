using System.Security.Claims;
using EShop.GraphQLGateway.Schema;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;

namespace EShop.GraphQLGateway.Http;

// One operation a client started with subscribe. A query or mutation answers with next and complete; a subscription
// relays each result of its stream as next until the stream ends (complete) or the client completes it; an operation
// refused before it ran, or a subscription whose stream could not start (auth, NOT_FOUND), answers with error alone.
public sealed partial class GraphQLWebSocketOperation(string id, GraphQLWebSocketWriter writer, ILogger logger, Action<GraphQLWebSocketOperation> finished) : IObserver<ExecutionResult>
{
    private const string InternalError = "INTERNAL_SERVER_ERROR";

    private readonly CancellationTokenSource _stopped = new();
    private readonly Lock _lock = new();
    private IDisposable? _stream;
    private bool _ended;

    public string Id => id;

    public async Task RunAsync(GraphQLRequest request, ClaimsPrincipal user, IDocumentExecuter<EShopSchema> executer, IServiceScopeFactory scopes)
    {
        ExecutionResult result;
        try
        {
            // A scope per operation, as an HTTP request has: several operations share one socket, and scoped services
            // (data loaders) cache per request. Later results of a subscription get a scope each from the executer.
            await using var scope = scopes.CreateAsyncScope();
            result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Query = request.Query,
                OperationName = request.OperationName,
                Variables = request.Variables,
                Extensions = request.Extensions,
                User = user,
                RequestServices = scope.ServiceProvider,
                CancellationToken = _stopped.Token,
            });
        }
        catch (OperationCanceledException) when (_stopped.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            // The executer turns resolver failures into errors; what arrives here is a fault of the server's own.
            LogFailed(logger, exception, id);
            End(GraphQLWsMessageTypes.Error, new[] { new ExecutionError("The operation failed on the server.") { Code = InternalError } });
            return;
        }

        // A subscription has a single root field, so a single stream.
        if (result.Streams?.Values.SingleOrDefault() is { } stream)
        {
            var subscription = stream.Subscribe(this);
            lock (_lock)
            {
                if (!_ended)
                {
                    _stream = subscription;
                    return;
                }
            }

            subscription.Dispose();
        }
        else if (!result.Executed || result.Operation?.Operation == OperationType.Subscription)
        {
            End(GraphQLWsMessageTypes.Error, result.Errors);
        }
        else
        {
            OnNext(result);
            End(GraphQLWsMessageTypes.Complete);
        }
    }

    // The client completed the operation, or the socket is going away: nothing more is sent for it.
    public void Stop()
    {
        IDisposable? stream;
        lock (_lock)
        {
            _ended = true;
            (stream, _stream) = (_stream, null);
        }

        _stopped.Cancel();
        stream?.Dispose();
    }

    public void OnNext(ExecutionResult value)
    {
        lock (_lock)
        {
            if (!_ended)
            {
                writer.Send(GraphQLWsMessageTypes.Next, id, value);
            }
        }
    }

    // The stream failed after it started: the error as a result, then the end.
    public void OnError(Exception error)
    {
        OnNext(new ExecutionResult { Errors = [error as ExecutionError ?? new ExecutionError("The subscription failed.", error)] });
        End(GraphQLWsMessageTypes.Complete);
    }

    public void OnCompleted() => End(GraphQLWsMessageTypes.Complete);

    private void End(string type, object? payload = null)
    {
        IDisposable? stream;
        lock (_lock)
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            (stream, _stream) = (_stream, null);

            // Released before the message goes out, so a client that reuses the id as soon as it reads the message
            // is not taken for a duplicate.
            finished(this);
            writer.Send(type, id, payload);
        }

        stream?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "WebSocket operation {OperationId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string operationId);
}
