using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace EShop.GraphQLGateway.Http;

// Reads one whole message at a time from a socket (a message may come in several frames) as UTF-8 text. Binary
// messages are read as text too, as the reference server does; their JSON decides whether they are valid.
public sealed class GraphQLWebSocketReader(WebSocket socket)
{
    public const int MaxMessageBytes = 1 << 20;

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    // Closed when the client closed the socket; Text null for a message longer than MaxMessageBytes, which is not read
    // past that, so a client cannot fill the memory.
    public async Task<(bool Closed, string? Text)> ReadAsync(CancellationToken cancellationToken)
    {
        _buffer.ResetWrittenCount();
        ValueWebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(_buffer.GetMemory(4096), cancellationToken);
            _buffer.Advance(received.Count);
        }
        while (!received.EndOfMessage && _buffer.WrittenCount <= MaxMessageBytes);

        return received.MessageType == WebSocketMessageType.Close ? (true, null)
            : _buffer.WrittenCount > MaxMessageBytes ? (false, null)
            : (false, Encoding.UTF8.GetString(_buffer.WrittenSpan));
    }
}
