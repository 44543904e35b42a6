using GraphQL;
using GraphQL.DI;

namespace EShop.GraphQLGateway.Http;

// Validation errors of GraphQL.NET end in "Did you mean 'secretField'?" and name the type a field was looked for on:
// a way to discover the schema field by field with introspection off. The suggestion and the type are cut; the error,
// its code and its location stay.
public sealed partial class NoSuggestionsInErrors : IConfigureExecution
{
    private const string Suggestion = " Did you mean";

    // Around everything else, the document cache included.
    public float SortOrder => 50;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var result = await next(options);
        if (result.Errors is { Count: > 0 } errors && errors.Any(e => e.Message.Contains(Suggestion, StringComparison.Ordinal) || OnType().IsMatch(e.Message)))
        {
            var cut = new ExecutionErrors();
            foreach (var error in errors)
            {
                var message = OnType().Replace(error.Message, "");
                cut.Add(message.IndexOf(Suggestion, StringComparison.Ordinal) is var at and >= 0 ? Copy(error, message[..at]) : message != error.Message ? Copy(error, message) : error);
            }

            result.Errors = cut;
        }

        return result;
    }

    private static ExecutionError Copy(ExecutionError error, string message)
    {
        var copy = new ExecutionError(message) { Code = error.Code, Path = error.Path };
        foreach (var location in error.Locations ?? [])
        {
            copy.AddLocation(location);
        }

        return copy;
    }

    [System.Text.RegularExpressions.GeneratedRegex(" on type '[^']*'")]
    private static partial System.Text.RegularExpressions.Regex OnType();
}
