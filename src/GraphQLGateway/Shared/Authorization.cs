using System.Security.Claims;
using EShop.Customers;
using GraphQL;
using Microsoft.AspNetCore.Authorization;

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

    // One ASP.NET Core authorization policy per permission, named after it: signed in, and a role in the token (as the
    // sign-in that issued it found them; a revoked role ends the customer's sessions) that grants it.
    public static IServiceCollection AddPermissionPolicies(this IServiceCollection services) =>
        services.AddAuthorization(options =>
        {
            foreach (var permission in Permissions.All)
            {
                options.AddPolicy(permission, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => Permissions.Grants(RolesOf(context.User), permission)));
            }
        });

    // Not async itself, so the permission it puts in Orleans' request context stays in the caller's flow: the grain calls
    // the resolver makes next carry it, and the grains check it again. A refusal throws before any such call.
    public static Task RequirePermissionAsync(this IResolveFieldContext context, string permission)
    {
        context.RequireCustomer();
        StaffContext.Grant(permission);
        return RequirePolicyAsync(context, permission, $"This needs the permission {permission}, which none of your roles grants.");
    }

    // The owner of a resource may; so may whoever holds the permission.
    public static Task RequireOwnerOrAsync(this IResolveFieldContext context, Guid ownerId, string permission) =>
        context.RequireCustomer() == ownerId ? Task.CompletedTask : RequirePolicyAsync(context, permission, "This belongs to another customer.");

    private static async Task RequirePolicyAsync(IResolveFieldContext context, string permission, string refusal)
    {
        var authorization = context.RequestServices!.GetRequiredService<IAuthorizationService>();
        if (!(await authorization.AuthorizeAsync(context.User ?? new ClaimsPrincipal(), permission)).Succeeded)
        {
            throw new ExecutionError(refusal) { Code = Forbidden };
        }
    }

    private static IEnumerable<Role> RolesOf(ClaimsPrincipal user) =>
        user.FindAll(TokenClaims.Role).Select(c => Enum.TryParse<Role>(c.Value, ignoreCase: true, out var role) ? role : (Role?)null).OfType<Role>();
}
