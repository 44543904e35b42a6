using GraphQL;

namespace EShop.GraphQLGateway.Shared;

public static class Arguments
{
    // The field's first argument (its default when left out), or a BAD_USER_INPUT error when it is outside 0..max.
    public static int First(this IResolveFieldContext context, int max)
    {
        var first = context.GetArgument<int>("first");
        return first is >= 0 && first <= max ? first
            : throw new ExecutionError($"first must be between 0 and {max}.") { Code = "BAD_USER_INPUT" };
    }
}
