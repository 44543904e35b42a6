using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using EShop.GraphQLGateway.Schema;
using GraphQL;
using GraphQL.Transport;

namespace EShop.GraphQLGateway.Http;

// One socket speaking graphql-transport-ws: connection_init (with the credential) and its ack, ping/pong, and the
// operations the client subscribes and completes. A protocol violation closes the socket with the protocol's code.
public sealed partial class GraphQLWebSocketSession(
    WebSocket socket,
    GraphQLWebSocketWriter writer,
    IDocumentExecuter<EShopSchema> executer,
    IGraphQLTextSerializer serializer,
    ConnectionInitAuthenticator authenticator,
    RequestRateLimiter limiter,
    IHttpContextAccessor upgrade,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<GraphQLWebSocketSession> logger)
{
    private static readonly TimeSpan InitTimeout = TimeSpan.FromSeconds(10);

    // How long a close waits for the client's close in reply before the socket is dropped.
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly GraphQLWebSocketOperations _operations = new(writer, executer, scopes, logger);
    private readonly CancellationTokenSource _closeTimeout = new();
    private readonly CancellationTokenSource _ended = new();
    private volatile bool _closing;
    private volatile bool _initReceived;
    private volatile bool _acknowledged;

    // Anonymous until connection_init brings a token. The upgrade request's Authorization header, which browsers
    // cannot send, is not used: one way in, and every authenticated socket ends with its token.
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    public async Task RunAsync(CancellationToken aborted, CancellationToken stopping)
    {
        using var receiving = CancellationTokenSource.CreateLinkedTokenSource(aborted, _closeTimeout.Token);
        using var onStopping = stopping.Register(() => Close(WebSocketCloseStatus.EndpointUnavailable, "The server is shutting down"));
        var writing = writer.RunAsync(aborted);
        _ = CloseLaterAsync(InitTimeout, () => !_initReceived, GraphQLWsCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        try
        {
            await ReceiveAsync(receiving.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client went away, or did not answer a close in time.
        }
        finally
        {
            _ended.Cancel();
            _operations.StopAll();

            writer.Close(WebSocketCloseStatus.NormalClosure, "");
            try
            {
                await writing;
            }
            catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
            {
                // Nobody is left to tell.
            }
        }
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var reader = new GraphQLWebSocketReader(socket);
        while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var (closed, text) = await reader.ReadAsync(cancellationToken);
            if (closed)
            {
                return;
            }

            // Once closing, what the client sends before its close reply is not read.
            if (!_closing)
            {
                await HandleAsync(text);
            }
        }
    }

    private async Task HandleAsync(string? text)
    {
        OperationMessage? message;
        try
        {
            message = text is null ? null : serializer.Deserialize<OperationMessage>(text);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            message = null;
        }

        switch (message?.Type)
        {
            case GraphQLWsMessageTypes.ConnectionInit:
                await InitAsync(message.Payload);
                break;
            case GraphQLWsMessageTypes.Ping:
                writer.Send(GraphQLWsMessageTypes.Pong);
                break;
            case GraphQLWsMessageTypes.Pong:
                break;
            case GraphQLWsMessageTypes.Subscribe:
                Subscribe(message.Id, message.Payload);
                break;
            case GraphQLWsMessageTypes.Complete when !string.IsNullOrEmpty(message.Id):
                _operations.Complete(message.Id);
                break;
            default:
                Close(GraphQLWsCloseCodes.BadRequest, message is null ? $"Invalid message: not a JSON object of at most {GraphQLWebSocketReader.MaxMessageBytes} bytes with a string type" : $"Invalid message of type '{message.Type}'");
                break;
        }
    }

    private async Task InitAsync(object? payload)
    {
        if (_initReceived)
        {
            Close(GraphQLWsCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        _initReceived = true;
        Inputs? parameters;
        try
        {
            parameters = serializer.ReadNode<Inputs>(payload);
        }
        catch (JsonException)
        {
            Close(GraphQLWsCloseCodes.BadRequest, "Invalid message: the connection_init payload is not an object");
            return;
        }

        var validation = await authenticator.AuthenticateAsync(parameters);
        if (validation is { IsValid: false })
        {
            LogRefused(logger, validation.Exception?.Message ?? "not a bearer token");
            Close(GraphQLWsCloseCodes.Forbidden, "Forbidden");
            return;
        }

        if (validation is not null)
        {
            _user = new ClaimsPrincipal(validation.ClaimsIdentity);
        }

        _acknowledged = true;
        writer.Send(GraphQLWsMessageTypes.ConnectionAck);

        // The token is checked once per connection, so the connection ends when the token does (after the ack: a
        // token inside the validation's clock skew is accepted, then at once expired). The client connects again with
        // a fresh one.
        if (validation is not null)
        {
            _ = CloseLaterAsync(validation.SecurityToken.ValidTo - time.GetUtcNow().UtcDateTime, () => true, GraphQLWsCloseCodes.Forbidden, "The access token has expired");
        }
    }

    private void Subscribe(string? id, object? payload)
    {
        if (!_acknowledged)
        {
            Close(GraphQLWsCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = serializer.ReadNode<GraphQLRequest>(payload);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (string.IsNullOrEmpty(id) || string.IsNullOrWhiteSpace(request?.Query))
        {
            Close(GraphQLWsCloseCodes.BadRequest, "Invalid message: subscribe needs an id and a payload with a query");
            return;
        }

        // Each operation counts against the same limit as an HTTP request of the same customer or address.
        if (limiter.WaitBeforeNext(_user, upgrade.HttpContext?.Connection.RemoteIpAddress) is { } seconds)
        {
            writer.Send(GraphQLWsMessageTypes.Error, id, new[] { RequestRateLimiter.Refusal(seconds) });
            return;
        }

        if (!_operations.TryStart(id, request, _user))
        {
            Close(GraphQLWsCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
        }
    }

    private void Close(WebSocketCloseStatus status, string reason)
    {
        _closing = true;
        writer.Close(status, reason);
        _closeTimeout.CancelAfter(CloseTimeout);
    }

    private async Task CloseLaterAsync(TimeSpan delay, Func<bool> stillApplies, WebSocketCloseStatus status, string reason)
    {
        try
        {
            await Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, time, _ended.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (stillApplies())
        {
            Close(status, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WebSocket connection_init refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
