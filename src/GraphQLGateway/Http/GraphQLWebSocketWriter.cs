using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;

namespace EShop.GraphQLGateway.Http;

// Everything the server sends on one socket, in order, from one loop: a WebSocket takes one send at a time, and the
// results of several operations arrive on whatever thread produced them. A close goes after the messages queued
// before it, and nothing is sent after it.
public sealed class GraphQLWebSocketWriter(WebSocket socket, IGraphQLTextSerializer serializer)
{
    // A close reason is at most 123 bytes of UTF-8.
    private const int MaxReasonBytes = 123;

    // Unbounded: producers are grain notifications and results, which must not block; what waits here is what one
    // client has not read yet, a few messages at order-update rates.
    private readonly Channel<Frame> _frames = Channel.CreateUnbounded<Frame>(new UnboundedChannelOptions { SingleReader = true });

    public void Send(string type, string? id = null, object? payload = null) =>
        _frames.Writer.TryWrite(new Frame(new OperationMessage { Type = type, Id = id, Payload = payload }, null, null));

    // Queues the close; later sends are dropped. The first close wins.
    public void Close(WebSocketCloseStatus status, string reason)
    {
        if (_frames.Writer.TryWrite(new Frame(null, status, Truncate(reason))))
        {
            _frames.Writer.TryComplete();
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var frame in _frames.Reader.ReadAllAsync(cancellationToken))
        {
            if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            {
                return;
            }

            if (frame.Close is { } status)
            {
                await socket.CloseOutputAsync(status, frame.Reason, cancellationToken);
                return;
            }

            var text = serializer.Serialize(frame.Message);
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
    }

    private static string Truncate(string reason)
    {
        while (Encoding.UTF8.GetByteCount(reason) > MaxReasonBytes)
        {
            reason = reason[..^1];
        }

        return reason;
    }

    private sealed record Frame(OperationMessage? Message, WebSocketCloseStatus? Close, string? Reason);
}
