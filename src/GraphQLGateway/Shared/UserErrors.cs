using System.Collections.Immutable;
using EShop.Shared;
using GraphQL;

namespace EShop.GraphQLGateway.Shared;

public static class UserErrors
{
    // For fields whose type has no userErrors (the contract's shippingQuote, advanceShipment): the first error, as a
    // GraphQL error with its code.
    public static ExecutionError ToExecutionError(this ImmutableArray<UserError> errors) =>
        new(errors[0].Message) { Code = errors[0].Code };
}
