using System.Net.WebSockets;
using GraphQL;

namespace EShop.GraphQLGateway.Http;

// GraphQL over WebSocket (the graphql-transport-ws protocol) on the same path as GraphQL over HTTP: a WebSocket
// upgrade request there is taken here, anything else goes on to the HTTP endpoint.
public static class GraphQLWebSocketEndpoint
{
    public const string SubProtocol = "graphql-transport-ws";

    public static IApplicationBuilder UseGraphQLWebSockets(this IApplicationBuilder app, PathString path) =>
        app.Use(async (http, next) =>
        {
            if (http.Request.Path != path || !http.WebSockets.IsWebSocketRequest)
            {
                await next(http);
                return;
            }

            if (!http.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol))
            {
                await RefuseAsync(http);
                return;
            }

            using var socket = await http.WebSockets.AcceptWebSocketAsync(SubProtocol);
            var writer = new GraphQLWebSocketWriter(socket, http.RequestServices.GetRequiredService<IGraphQLTextSerializer>());
            var session = ActivatorUtilities.CreateInstance<GraphQLWebSocketSession>(http.RequestServices, socket, writer);
            await session.RunAsync(http.RequestAborted, http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        });

    // As the reference server does: accept, then close with the protocol's code, which a client can show, where a
    // refused handshake tells it nothing.
    private static async Task RefuseAsync(HttpContext http)
    {
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        patience.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await socket.CloseAsync(GraphQLWsCloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable", patience.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The client did not answer the close; it is dropped all the same.
        }
    }
}
