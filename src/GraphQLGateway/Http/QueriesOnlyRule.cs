using GraphQL.Validation;
using GraphQLParser.AST;

namespace EShop.GraphQLGateway.Http;

// GET must not change anything: a mutation (or subscription) sent by GET fails validation with this rule's code.
public sealed class QueriesOnlyRule : ValidationRuleBase, IOperationTypeRule
{
    public const string Code = "METHOD_NOT_ALLOWED";

    public static readonly QueriesOnlyRule Instance = new();

    private static readonly MatchingNodeVisitor<GraphQLOperationDefinition> Visitor = new((operation, context) =>
    {
        if (operation.Operation != OperationType.Query && (context.Operation == operation))
        {
            context.ReportError(new ValidationError(context.Document.Source, null, $"A {operation.Operation.ToString().ToLowerInvariant()} must be sent by POST.", operation) { Code = Code });
        }
    });

    public bool Allows(OperationType type) => type == OperationType.Query;

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
