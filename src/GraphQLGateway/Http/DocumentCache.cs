using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using GraphQLParser.Visitors;
using Microsoft.Extensions.Caching.Memory;

namespace EShop.GraphQLGateway.Http;

// Parsed and validated documents, by their text. Storefronts send the same few documents with different variables,
// so each is parsed and checked by the core rules once. A hit still runs the rules that depend on the request:
// CachedDocumentValidationRules, which hold the transport's rule (GET: queries only; POST: no subscriptions) and
// complexity (it reads argument values, which variables supply). Only a document that passed validation is kept; the
// cache is bounded by size, counting a parsed document at ten times its text (its syntax tree is that much bigger).
// GraphQL.MemoryCache would do this, but our package source does not serve it.
//
// Each of those rules walks the whole document, twice for complexity, and on a product page that was over a quarter
// of the gateway's CPU. So a document is also read once for what its variables can change: a transport rule is
// skipped where every operation of the document is of a type it allows, and complexity where no variable reaches what
// the analysis reads (ComplexityVariables). With neither left, a hit runs no rule walk at all; variables are
// still coerced and arguments parsed, as for every request.
public sealed class DocumentCache : IConfigureExecution, IDisposable
{
    private const int MaxDocumentLength = 16 * 1024;

    private readonly MemoryCache _documents = new(new MemoryCacheOptions { SizeLimit = 16 * 1024 * 1024 });

    // After the options hooks (100), which add the validation rules this one swaps on a hit.
    public float SortOrder => 200;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is not null || options.Query is not { Length: <= MaxDocumentLength } query)
        {
            return await next(options);
        }

        if (_documents.TryGetValue(query, out Entry? entry))
        {
            options.Document = entry!.Document;
            options.ValidationRules = entry.RulesToRun(options.CachedDocumentValidationRules ?? []);
            return await next(options);
        }

        var result = await next(options);
        if (result.Executed && result.Document is { } document)
        {
            _documents.Set(query, await Entry.ReadAsync(document), new MemoryCacheEntryOptions { Size = 10L * query.Length });
        }

        return result;
    }

    public void Dispose() => _documents.Dispose();

    private sealed record Entry(GraphQLDocument Document, OperationType[] Operations, bool FixedComplexity)
    {
        public static async Task<Entry> ReadAsync(GraphQLDocument document) => new(document,
            [.. document.Definitions.OfType<GraphQLOperationDefinition>().Select(o => o.Operation).Distinct()],
            !await ComplexityVariables.MatterAsync(document));

        public IValidationRule[] RulesToRun(IEnumerable<IValidationRule> rules) =>
        [
            .. rules.Where(rule => rule switch
            {
                IOperationTypeRule transport => !Operations.All(transport.Allows),
                ComplexityValidationRule => !FixedComplexity,
                _ => true,
            }),
        ];
    }
}

// GraphQL.NET's complexity analysis (its default impact, which every field of our schema uses: DocumentCacheTests
// checks none has an impact of its own) reads three things a variable can change: the list sizes `first` and `last`,
// whether an `id` is given, and @skip/@include. A document where a variable reaches none of them — an `id` from a
// required variable is always given — has the same complexity for every request. MatterAsync says whether one does.
public sealed class ComplexityVariables : ASTVisitor<ComplexityVariables.Context>
{
    private static readonly ComplexityVariables Instance = new();

    public static async ValueTask<bool> MatterAsync(GraphQLDocument document)
    {
        var context = new Context([.. document.Definitions.OfType<GraphQLOperationDefinition>()
            .SelectMany(o => o.Variables?.Items ?? [])
            .Where(v => v.Type is not GraphQLNonNullType || v.DefaultValue is not null)
            .Select(v => v.Variable.Name.StringValue)]);
        await Instance.VisitAsync(document, context);
        return context.VariablesMatter;
    }

    protected override ValueTask VisitArgumentAsync(GraphQLArgument argument, Context context)
    {
        if (argument.Value is GraphQLVariable variable)
        {
            var name = argument.Name.StringValue;
            context.VariablesMatter |= name is "first" or "last" || (name == "id" && context.Optional.Contains(variable.Name.StringValue));
        }

        return base.VisitArgumentAsync(argument, context);
    }

    protected override ValueTask VisitDirectiveAsync(GraphQLDirective directive, Context context)
    {
        context.VariablesMatter |= directive.Name.StringValue is "skip" or "include"
            && directive.Arguments?.Items.Any(a => a.Value is GraphQLVariable) == true;
        return base.VisitDirectiveAsync(directive, context);
    }

    public sealed class Context(HashSet<string> optional) : IASTVisitorContext
    {
        // Variables that may be left out: an `id` argument given one may be absent.
        public HashSet<string> Optional { get; } = optional;

        public bool VariablesMatter { get; set; }

        public CancellationToken CancellationToken => default;
    }
}
