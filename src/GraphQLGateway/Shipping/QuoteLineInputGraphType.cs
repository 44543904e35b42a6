using EShop.Shipping;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Shipping;

public sealed class QuoteLineInputGraphType : InputObjectGraphType<QuoteLine>
{
    public QuoteLineInputGraphType()
    {
        Field<NonNullGraphType<IdGraphType>>("productId");
        Field(l => l.Quantity);
    }
}
