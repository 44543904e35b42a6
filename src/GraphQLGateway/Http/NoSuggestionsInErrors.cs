using GraphQL;
using GraphQL.DI;

namespace EShop.GraphQLGateway.Http;

// Validation errors of GraphQL.NET end in "Did you mean 'secretField'?": a way to discover the schema field by
// field with introspection off. The suggestion is cut; the error, its code and its location stay.
public sealed class NoSuggestionsInErrors : IConfigureExecution
{
    private const string Suggestion = " Did you mean";

    // Around everything else, the document cache included.
    public float SortOrder => 50;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var result = await next(options);
        if (result.Errors is { Count: > 0 } errors && errors.Any(e => e.Message.Contains(Suggestion, StringComparison.Ordinal)))
        {
            var cut = new ExecutionErrors();
            foreach (var error in errors)
            {
                cut.Add(error.Message.IndexOf(Suggestion, StringComparison.Ordinal) is var at and >= 0 ? WithoutSuggestion(error, at) : error);
            }

            result.Errors = cut;
        }

        return result;
    }

    private static ExecutionError WithoutSuggestion(ExecutionError error, int at)
    {
        var copy = new ExecutionError(error.Message[..at]) { Code = error.Code, Path = error.Path };
        foreach (var location in error.Locations ?? [])
        {
            copy.AddLocation(location);
        }

        return copy;
    }
}
