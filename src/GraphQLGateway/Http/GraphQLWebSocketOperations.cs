using System.Collections.Concurrent;
using System.Security.Claims;
using EShop.GraphQLGateway.Schema;
using GraphQL;
using GraphQL.Transport;

namespace EShop.GraphQLGateway.Http;

// The operations running on one socket, by the id the client gave each. An id is taken from its subscribe until the
// operation ends (complete or error sent, or completed by the client), so it can be used again after that.
public sealed class GraphQLWebSocketOperations(GraphQLWebSocketWriter writer, IDocumentExecuter<EShopSchema> executer, IServiceScopeFactory scopes, ILogger logger)
{
    private readonly ConcurrentDictionary<string, GraphQLWebSocketOperation> _running = new(StringComparer.Ordinal);

    // Starts the operation in the background; false when the id is taken by one still running.
    public bool TryStart(string id, GraphQLRequest request, ClaimsPrincipal user)
    {
        var operation = new GraphQLWebSocketOperation(id, writer, logger, ended => _running.TryRemove(new(ended.Id, ended)));
        if (!_running.TryAdd(id, operation))
        {
            return false;
        }

        _ = operation.RunAsync(request, user, executer, scopes);
        return true;
    }

    // The client's complete: an id that is not running (it ended meanwhile) is ignored, as the protocol allows.
    public void Complete(string id)
    {
        if (_running.TryRemove(id, out var operation))
        {
            operation.Stop();
        }
    }

    public void StopAll()
    {
        foreach (var id in _running.Keys)
        {
            Complete(id);
        }
    }
}
