using EShop.Customers;
using System.Security.Claims;
using EShop.GraphQLGateway.Ordering;
using EShop.GraphQLGateway.Schema;
using EShop.Ordering;
using EShop.GraphQLGateway.Shared;
using EShop.Shared;
using GraphQL;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Customers;

public sealed class CustomerMutations(IGrainFactory grains, TokenService tokens, AuthRateLimiter limiter, SessionCheck sessions) : IMutationFields
{
    private IAccountsGrain Accounts => grains.GetGrain<IAccountsGrain>(0);

    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AuthPayloadGraphType>>("signUp")
            .Argument<NonNullGraphType<SignUpInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                limiter.EnsureAllowed(AuthRateLimiter.SignUp);
                limiter.Count(AuthRateLimiter.SignUp);
                return await SignedInAsync(await Accounts.SignUpAsync(c.GetArgument<SignUp>("input")));
            });

        mutation.Field<NonNullGraphType<AuthPayloadGraphType>>("signIn")
            .Argument<NonNullGraphType<StringGraphType>>("email")
            .Argument<NonNullGraphType<StringGraphType>>("password")
            .ResolveAsync(async c =>
            {
                limiter.EnsureAllowed(AuthRateLimiter.SignIn);
                return await SignedInAsync(await Accounts.SignInAsync(c.GetArgument<string>("email"), c.GetArgument<string>("password")), AuthRateLimiter.SignIn);
            });

        mutation.Field<NonNullGraphType<AuthPayloadGraphType>>("refreshToken")
            .Description("Trades a refresh token for new tokens; the old refresh token stops working.")
            .Argument<NonNullGraphType<StringGraphType>>("refreshToken")
            .ResolveAsync(async c =>
            {
                limiter.EnsureAllowed(AuthRateLimiter.SignIn);
                var owner = await tokens.RedeemAsync(c.GetArgument<string>("refreshToken"));
                var customer = owner is null ? null : await grains.GetGrain<ICustomerGrain>(owner.CustomerId).GetAsync();
                if (customer is null)
                {
                    limiter.Count(AuthRateLimiter.SignIn);
                    return AuthPayload.Failed(UserError.Of(ErrorCodes.InvalidCredentials, "The refresh token is not valid: unknown, expired or already used.", "refreshToken"));
                }

                return await tokens.IssueAsync(customer, owner!.SessionId);
            });

        mutation.Field<NonNullGraphType<AuthPayloadGraphType>>("changePassword")
            .Description("Replaces the password when the current one is given, and ends every session: other devices are signed out. Returns tokens of a new session.")
            .Argument<NonNullGraphType<StringGraphType>>("currentPassword")
            .Argument<NonNullGraphType<StringGraphType>>("newPassword")
            .ResolveAsync(async c =>
            {
                var customer = c.RequireCustomer();
                var changed = await Accounts.ChangePasswordAsync(customer, c.GetArgument<string>("currentPassword"), c.GetArgument<string>("newPassword"));
                if (changed.Succeeded)
                {
                    sessions.ForgetCustomer(customer);
                }

                return await SignedInAsync(changed);
            });

        mutation.Field<NonNullGraphType<CustomerPayloadGraphType>>("requestEmailChange")
            .Description("Mails a one-time link to the new address (the password required); the address changes when the link is used (confirmEmailChange).")
            .Argument<NonNullGraphType<StringGraphType>>("newEmail")
            .Argument<NonNullGraphType<StringGraphType>>("password")
            .ResolveAsync(async c => await Accounts.RequestEmailChangeAsync(c.RequireCustomer(), c.GetArgument<string>("password"), c.GetArgument<string>("newEmail")));

        mutation.Field<NonNullGraphType<CustomerPayloadGraphType>>("confirmEmailChange")
            .Description("Uses the token of a mailed link: the account's address becomes the one it was mailed to. No sign-in needed: the token is the proof.")
            .Argument<NonNullGraphType<StringGraphType>>("token")
            .ResolveAsync(async c => await Accounts.ConfirmEmailChangeAsync(c.GetArgument<string>("token")));

        mutation.Field<NonNullGraphType<CustomerPayloadGraphType>>("updateProfile")
            .Description("Changes the signed-in customer's name.")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .ResolveAsync(async c => await grains.GetGrain<ICustomerGrain>(c.RequireCustomer()).UpdateProfileAsync(c.GetArgument<string>("name")));

        mutation.Field<NonNullGraphType<CustomerPayloadGraphType>>("addAddress")
            .Argument<NonNullGraphType<AddressInputGraphType>>("input")
            .Argument<BooleanGraphType>("makeDefault", arg => arg.DefaultValue = false)
            .ResolveAsync(async c => await Customer(c).SaveAddressAsync(null, c.GetArgument<Address>("input"), c.GetArgument<bool>("makeDefault")));

        mutation.Field<NonNullGraphType<CustomerPayloadGraphType>>("updateAddress")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<AddressInputGraphType>>("input")
            .ResolveAsync(async c => await Customer(c).SaveAddressAsync(AddressId(c), c.GetArgument<Address>("input"), makeDefault: false));

        mutation.Field<NonNullGraphType<CustomerPayloadGraphType>>("setDefaultAddress")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await Customer(c).SetDefaultAddressAsync(AddressId(c)));

        mutation.Field<NonNullGraphType<CustomerPayloadGraphType>>("removeAddress")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await Customer(c).RemoveAddressAsync(AddressId(c)));

        mutation.Field<NonNullGraphType<CustomerPayloadGraphType>>("grantRole")
            .Description("Gives a customer a role (roles:grant, ADMIN); it is in their tokens from their next sign-in or refresh.")
            .Audited()
            .Argument<NonNullGraphType<IdGraphType>>("customerId")
            .Argument<NonNullGraphType<RoleGraphType>>("role")
            .ResolveAsync(async c =>
            {
                await c.RequirePermissionAsync(Permissions.RolesGrant);
                return StaffTarget(c) is { } target && await target.GrantRoleAsync(c.GetArgument<Role>("role")) is { } profile
                    ? Result<CustomerProfile>.Ok(profile)
                    : Result<CustomerProfile>.Fail(UserError.Of(ErrorCodes.NotFound, "The customer does not exist.", "customerId"));
            });

        mutation.Field<NonNullGraphType<CustomerPayloadGraphType>>("revokeRole")
            .Description("Takes a role from a customer (roles:grant, ADMIN) and ends their sessions, so it leaves their tokens now. CUSTOMER stays.")
            .Audited()
            .Argument<NonNullGraphType<IdGraphType>>("customerId")
            .Argument<NonNullGraphType<RoleGraphType>>("role")
            .ResolveAsync(async c =>
            {
                await c.RequirePermissionAsync(Permissions.RolesGrant);
                var role = c.GetArgument<Role>("role");
                if (role == Role.Customer)
                {
                    return Result<CustomerProfile>.Fail(UserError.Of(ErrorCodes.InvalidInput, "Every account keeps the CUSTOMER role.", "role"));
                }

                if (StaffTarget(c) is not { } target || await target.RevokeRoleAsync(role) is not { } profile)
                {
                    return Result<CustomerProfile>.Fail(UserError.Of(ErrorCodes.NotFound, "The customer does not exist.", "customerId"));
                }

                await grains.GetGrain<ICustomerSessionsGrain>(profile.Id).EndAllAsync();
                sessions.ForgetCustomer(profile.Id);
                return Result<CustomerProfile>.Ok(profile);
            });

        mutation.Field<NonNullGraphType<BooleanGraphType>>("signOut")
            .Description("Ends the session of the access token sent: its refresh tokens stop working, and so does every access token issued with them.")
            .ResolveAsync(async c =>
            {
                var customer = c.RequireCustomer();
                if (Guid.TryParse(c.User?.FindFirstValue(TokenClaims.Session), out var session))
                {
                    await grains.GetGrain<ICustomerSessionsGrain>(customer).EndAsync(session);
                    sessions.Forget(session);
                }

                return true;
            });
    }

    private ICustomerGrain? StaffTarget(IResolveFieldContext c) =>
        Guid.TryParse(c.GetArgument<string>("customerId"), out var id) ? grains.GetGrain<ICustomerGrain>(id) : null;

    private ICustomerGrain Customer(IResolveFieldContext c) => grains.GetGrain<ICustomerGrain>(c.RequireCustomer());

    // An id that is not one of ours cannot be in the book: Guid.Empty finds nothing.
    private static Guid AddressId(IResolveFieldContext c) => Guid.TryParse(c.GetArgument<string>("id"), out var id) ? id : Guid.Empty;

    // operation: the attempts a failure counts against (signUp counts every attempt before it is made).
    private async Task<AuthPayload> SignedInAsync(Result<CustomerProfile> result, string? operation = null)
    {
        if (result.Succeeded)
        {
            return await tokens.IssueAsync(result.Value!);
        }

        if (operation is not null)
        {
            limiter.Count(operation);
        }

        return AuthPayload.Failed([.. result.Errors]);
    }
}
