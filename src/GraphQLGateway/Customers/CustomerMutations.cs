using EShop.Customers;
using EShop.GraphQLGateway.Schema;
using EShop.Shared;
using GraphQL;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Customers;

public sealed class CustomerMutations(IGrainFactory grains, TokenService tokens, AuthRateLimiter limiter) : IMutationFields
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
                var customer = await tokens.RedeemAsync(c.GetArgument<string>("refreshToken")) is { } id
                    ? await grains.GetGrain<ICustomerGrain>(id).GetAsync()
                    : null;
                if (customer is null)
                {
                    limiter.Count(AuthRateLimiter.SignIn);
                    return AuthPayload.Failed(UserError.Of(ErrorCodes.InvalidCredentials, "The refresh token is not valid: unknown, expired or already used.", "refreshToken"));
                }

                return await tokens.IssueAsync(customer);
            });
    }

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
