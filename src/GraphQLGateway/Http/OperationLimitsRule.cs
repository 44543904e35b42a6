using GraphQL.Validation;
using GraphQLParser.AST;

namespace EShop.GraphQLGateway.Http;

// Bounds on how much one request may ask for that depth and complexity do not see: top-level fields of the operation
// (3,000 aliased __schema selections are depth 2), aliases in the document, and operations in the document. Each
// refusal is a validation error (a 400) with the code below.
public sealed class OperationLimitsRule : ValidationRuleBase
{
    public const string Code = "OPERATION_LIMIT";
    public const int MaxRootFields = 20;
    public const int MaxAliases = 50;
    public const int MaxOperations = 10;

    public static readonly OperationLimitsRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operations = context.Document.Definitions.OfType<GraphQLOperationDefinition>().Count();
        if (operations > MaxOperations)
        {
            Report(context, context.Document, $"A document may hold at most {MaxOperations} operations; this one holds {operations}.");
        }

        if (context.Operation is { } operation && CountRootFields(context, operation.SelectionSet, []) is var roots and > MaxRootFields)
        {
            Report(context, operation, $"An operation may select at most {MaxRootFields} top-level fields (aliases included); this one selects {roots}.");
        }

        var aliases = 0;
        return new(new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
        {
            if (field.Alias is not null && ++aliases == MaxAliases + 1)
            {
                Report(ctx, field, $"A document may use at most {MaxAliases} aliases.");
            }
        }));
    }

    // Fields of the selection set, through inline fragments and fragment spreads (each fragment once).
    private static int CountRootFields(ValidationContext context, GraphQLSelectionSet selections, HashSet<string> spread) =>
        selections.Selections.Sum(selection => selection switch
        {
            GraphQLField => 1,
            GraphQLInlineFragment inline => CountRootFields(context, inline.SelectionSet, spread),
            GraphQLFragmentSpread fragmentSpread when spread.Add(fragmentSpread.FragmentName.Name.StringValue)
                && context.Document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name == fragmentSpread.FragmentName.Name) is { } fragment
                => CountRootFields(context, fragment.SelectionSet, spread),
            _ => 0,
        });

    private static void Report(ValidationContext context, ASTNode node, string message) =>
        context.ReportError(new ValidationError(context.Document.Source, null, message, node) { Code = Code });
}
