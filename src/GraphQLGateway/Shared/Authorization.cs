using System.Security.Claims;
using GraphQL;

namespace EShop.GraphQLGateway.Shared;

// Who is calling, from the bearer token; a missing or insufficient credential is a GraphQL error with a code.
public static class Authorization
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";
    public const string AdminRole = "ADMIN";

    public static Guid? CustomerId(this IResolveFieldContext context) =>
        Guid.TryParse(context.User?.FindFirstValue(TokenClaims.Subject), out var id) ? id : null;

    public static Guid RequireCustomer(this IResolveFieldContext context) =>
        context.CustomerId() ?? throw new ExecutionError("Sign in to do this.") { Code = Unauthenticated };

    public static bool IsAdmin(this IResolveFieldContext context) => context.User?.IsInRole(AdminRole) == true;

    public static void RequireAdmin(this IResolveFieldContext context)
    {
        context.RequireCustomer();
        if (!context.IsAdmin())
        {
            throw new ExecutionError("Only an administrator can do this.") { Code = Forbidden };
        }
    }

    // The owner of a resource, or an administrator, may see it.
    public static void RequireOwnerOrAdmin(this IResolveFieldContext context, Guid ownerId)
    {
        if (context.RequireCustomer() != ownerId && !context.IsAdmin())
        {
            throw new ExecutionError("This belongs to another customer.") { Code = Forbidden };
        }
    }
}
