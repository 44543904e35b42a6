using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.TestHost;

namespace EShop.Tests.Shared;

// The client side of graphql-transport-ws, one message at a time, so a test can assert each message the server sends
// and the code it closes with. Every wait is bounded: a server that says nothing fails the test instead of hanging it.
public sealed class GraphQLWebSocketClient(WebSocket socket) : IAsyncDisposable
{
    public const string SubProtocol = "graphql-transport-ws";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static async Task<GraphQLWebSocketClient> ConnectAsync(WebSocketClient client, string? subProtocol)
    {
        if (subProtocol is not null)
        {
            client.SubProtocols.Add(subProtocol);
        }

        using var timeout = new CancellationTokenSource(Patience);
        return new GraphQLWebSocketClient(await client.ConnectAsync(new Uri("ws://localhost/graphql"), timeout.Token));
    }

    // connection_init, with the key the server must accept in any case, and the server's ack.
    public async Task InitAsync(string? accessToken = null, string key = "Authorization")
    {
        await SendAsync(new { type = "connection_init", payload = accessToken is null ? null : new Dictionary<string, string> { [key] = "Bearer " + accessToken } });
        var ack = await ReceiveAsync();
        Assert.Equal("connection_ack", ack.GetProperty("type").GetString());
    }

    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message, JsonOptions));

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    // The next message; the test fails if the server closes instead.
    public async Task<JsonElement> ReceiveAsync()
    {
        var message = await ReceiveOrCloseAsync();
        Assert.True(message is not null, $"The server closed the socket: {(int?)socket.CloseStatus} {socket.CloseStatusDescription}");
        return message.Value;
    }

    // The code the server closes with; the test fails if a message comes first, other than a next of a subscription
    // named in livePastClose (a live subscription's updates may still arrive before the close).
    public async Task<int> ReceiveCloseAsync(string? livePastClose = null)
    {
        while (await ReceiveOrCloseAsync() is { } message)
        {
            Assert.True(
                livePastClose is not null && message.GetProperty("type").GetString() == "next" && message.GetProperty("id").GetString() == livePastClose,
                $"Expected the server to close, got {message}");
        }

        return (int)socket.CloseStatus!.Value;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            // Answer the server's close, or close from this side, so the server's session ends at once.
            if (socket.State == WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            else if (socket.State == WebSocketState.Open)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The server is gone already.
        }

        socket.Dispose();
    }

    private async Task<JsonElement?> ReceiveOrCloseAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new ArrayBufferWriter<byte>();
        ValueWebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(buffer.GetMemory(4096), timeout.Token);
            buffer.Advance(received.Count);
        }
        while (!received.EndOfMessage);

        if (received.MessageType == WebSocketMessageType.Close)
        {
            return null;
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
