using GraphQL.Validation;
using GraphQLParser.AST;

namespace EShop.GraphQLGateway.Http;

// A subscription sends results over time, which one HTTP response cannot: sent by POST, it fails validation with this
// rule's code and a pointer to the WebSocket protocol.
public sealed class SubscriptionsOverWebSocketRule : ValidationRuleBase, IOperationTypeRule
{
    public const string Code = "SUBSCRIPTION_NEEDS_WEBSOCKET";

    public static readonly SubscriptionsOverWebSocketRule Instance = new();

    private static readonly MatchingNodeVisitor<GraphQLOperationDefinition> Visitor = new((operation, context) =>
    {
        if (operation.Operation == OperationType.Subscription && context.Operation == operation)
        {
            context.ReportError(new ValidationError(context.Document.Source, null,
                $"A subscription runs over a WebSocket at this path with the {GraphQLWebSocketEndpoint.SubProtocol} protocol.", operation) { Code = Code });
        }
    });

    public bool Allows(OperationType type) => type != OperationType.Subscription;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
