using EShop.GraphQLGateway.Shared;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Customers;

public sealed class AuthPayloadGraphType : ObjectGraphType<AuthPayload>
{
    public AuthPayloadGraphType()
    {
        Field(p => p.AccessToken, nullable: true).Description("Send as 'Authorization: Bearer <accessToken>'. Short-lived.");
        Field(p => p.RefreshToken, nullable: true).Description("Trade for new tokens with refreshToken; each works once.");
        Field<CustomerGraphType>("customer").Resolve(c => c.Source.Customer);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
