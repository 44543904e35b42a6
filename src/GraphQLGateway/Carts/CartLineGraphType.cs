using EShop.Carts;
using EShop.GraphQLGateway.Catalog;
using EShop.GraphQLGateway.Shared;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace EShop.GraphQLGateway.Carts;

public sealed class CartLineGraphType : ObjectGraphType<CartLine>
{
    public CartLineGraphType()
    {
        Field<NonNullGraphType<ProductGraphType>>("product")
            .Resolve(c => c.RequestServices!.GetRequiredService<ProductDataLoader>().Load(c.Source.ProductId));
        Field(l => l.Quantity);
        Field<NonNullGraphType<MoneyGraphType>>("unitPrice").Description("The sale price when units were last added to the line; checkout refuses it with PRICE_CHANGED if the price has moved since.").Resolve(c => Money.Of(c.Source.UnitPrice));
        Field<NonNullGraphType<MoneyGraphType>>("lineTotal").Resolve(c => Money.Of(c.Source.LineTotal));
    }
}
