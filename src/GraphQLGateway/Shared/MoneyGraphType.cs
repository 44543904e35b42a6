using GraphQL.Types;

namespace EShop.GraphQLGateway.Shared;

public sealed class MoneyGraphType : ObjectGraphType<Money>
{
    public MoneyGraphType()
    {
        Description = "An amount in a currency (ISO 4217 code).";
        Field(m => m.Amount, type: typeof(NonNullGraphType<DecimalGraphType>));
        Field(m => m.Currency);
    }
}
