using System.Security.Claims;
using EShop.Customers;
using GraphQL;

namespace EShop.GraphQLGateway.Shared;

// Who is calling, from the bearer token; a missing or insufficient credential is a GraphQL error with a code.
public static class Authorization
{
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Forbidden = "FORBIDDEN";

    public static Guid? CustomerId(this IResolveFieldContext context) =>
        Guid.TryParse(context.User?.FindFirstValue(TokenClaims.Subject), out var id) ? id : null;

    public static Guid RequireCustomer(this IResolveFieldContext context) =>
        context.CustomerId() ?? throw new ExecutionError("Sign in to do this.") { Code = Unauthenticated };

    // The roles in the token, as the sign-in that issued it found them (a revoked role ends the customer's sessions).
    public static bool Has(this IResolveFieldContext context, string permission) =>
        Permissions.Grants(context.User?.FindAll(TokenClaims.Role).Select(c => Enum.TryParse<Role>(c.Value, ignoreCase: true, out var role) ? role : (Role?)null).OfType<Role>() ?? [], permission);

    public static void RequirePermission(this IResolveFieldContext context, string permission)
    {
        context.RequireCustomer();
        if (!context.Has(permission))
        {
            throw new ExecutionError($"This needs the permission {permission}, which none of your roles grants.") { Code = Forbidden };
        }

        // The grains check it again: the calls this resolver makes carry it.
        StaffContext.Grant(permission);
    }

    // The owner of a resource may; so may whoever holds the permission.
    public static void RequireOwnerOr(this IResolveFieldContext context, Guid ownerId, string permission)
    {
        if (context.RequireCustomer() != ownerId && !context.Has(permission))
        {
            throw new ExecutionError("This belongs to another customer.") { Code = Forbidden };
        }
    }
}
