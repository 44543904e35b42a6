using System.Collections.Immutable;
using EShop.Customers;
using EShop.Shared;

namespace EShop.GraphQLGateway.Customers;

public sealed record AuthPayload(string? AccessToken, string? RefreshToken, CustomerProfile? Customer, ImmutableArray<UserError> UserErrors)
{
    public static AuthPayload Failed(params UserError[] errors) => new(null, null, null, [.. errors]);
}
