using EShop.Shared;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Shared;

public sealed class UserErrorGraphType : ObjectGraphType<UserError>
{
    public UserErrorGraphType()
    {
        Description = "A business failure: OUT_OF_STOCK, PRICE_CHANGED, CART_EMPTY, INVALID_INPUT, NOT_FOUND, EMAIL_TAKEN, INVALID_CREDENTIALS, INVALID_STATE, ...";
        Field(e => e.Code);
        Field(e => e.Message);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("field")
            .Description("The path of the offending input field, when there is one.")
            .Resolve(c => c.Source.Field.IsDefaultOrEmpty ? null : c.Source.Field);
    }
}
