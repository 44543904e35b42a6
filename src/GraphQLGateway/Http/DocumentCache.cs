using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace EShop.GraphQLGateway.Http;

// Parsed and validated documents, by their text. Storefronts send the same few documents with different variables,
// so each is parsed and checked by the core rules once. A hit still runs the rules that depend on the request:
// CachedDocumentValidationRules, which hold the transport's rule (GET: queries only; POST: no subscriptions) and
// complexity (it reads argument values, which variables supply). Only a document that passed validation is kept; the
// cache is bounded by size, counting a parsed document at ten times its text (its syntax tree is that much bigger).
// GraphQL.MemoryCache would do this, but our package source does not serve it.
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

        if (_documents.TryGetValue(query, out GraphQLDocument? document))
        {
            options.Document = document;
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            return await next(options);
        }

        var result = await next(options);
        if (result.Executed && result.Document is not null)
        {
            _documents.Set(query, result.Document, new MemoryCacheEntryOptions { Size = 10L * query.Length });
        }

        return result;
    }

    public void Dispose() => _documents.Dispose();
}
