using EShop.Customers;
using EShop.GraphQLGateway.Schema;
using EShop.Shared;
using GraphQL;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Customers;

public sealed class CustomerMutations(IGrainFactory grains, TokenService tokens) : IMutationFields
{
    private IAccountsGrain Accounts => grains.GetGrain<IAccountsGrain>(0);

    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AuthPayloadGraphType>>("signUp")
            .Argument<NonNullGraphType<SignUpInputGraphType>>("input")
            .ResolveAsync(async c => await SignedInAsync(await Accounts.SignUpAsync(c.GetArgument<SignUp>("input"))));

        mutation.Field<NonNullGraphType<AuthPayloadGraphType>>("signIn")
            .Argument<NonNullGraphType<StringGraphType>>("email")
            .Argument<NonNullGraphType<StringGraphType>>("password")
            .ResolveAsync(async c => await SignedInAsync(await Accounts.SignInAsync(c.GetArgument<string>("email"), c.GetArgument<string>("password"))));

        mutation.Field<NonNullGraphType<AuthPayloadGraphType>>("refreshToken")
            .Description("Trades a refresh token for new tokens; the old refresh token stops working.")
            .Argument<NonNullGraphType<StringGraphType>>("refreshToken")
            .ResolveAsync(async c =>
            {
                var customer = await tokens.RedeemAsync(c.GetArgument<string>("refreshToken")) is { } id
                    ? await grains.GetGrain<ICustomerGrain>(id).GetAsync()
                    : null;
                return customer is null
                    ? AuthPayload.Failed(UserError.Of(ErrorCodes.InvalidCredentials, "The refresh token is not valid: unknown, expired or already used.", "refreshToken"))
                    : await tokens.IssueAsync(customer);
            });
    }

    private async Task<AuthPayload> SignedInAsync(Result<CustomerProfile> result) =>
        result.Succeeded ? await tokens.IssueAsync(result.Value!) : AuthPayload.Failed([.. result.Errors]);
}
