using EShop.Carts;
using EShop.GraphQLGateway.Shared;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Carts;

public sealed class CartGraphType : ObjectGraphType<CartSnapshot>
{
    public CartGraphType()
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CartLineGraphType>>>>("lines").Resolve(c => c.Source.Lines);
        Field<NonNullGraphType<IntGraphType>>("itemCount").Resolve(c => c.Source.ItemCount);
        Field<NonNullGraphType<MoneyGraphType>>("subtotal").Resolve(c => Money.Of(c.Source.Subtotal));
    }
}
