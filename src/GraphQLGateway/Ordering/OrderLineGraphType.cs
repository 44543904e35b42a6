using EShop.GraphQLGateway.Catalog;
using EShop.GraphQLGateway.Shared;
using EShop.Ordering;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace EShop.GraphQLGateway.Ordering;

public sealed class OrderLineGraphType : ObjectGraphType<OrderLine>
{
    public OrderLineGraphType()
    {
        Field<NonNullGraphType<ProductGraphType>>("product")
            .Description("The product as it is now; productName and unitPrice are as sold.")
            .Resolve(c => c.RequestServices!.GetRequiredService<ProductDataLoader>().Load(c.Source.ProductId));
        Field(l => l.ProductName);
        Field(l => l.Quantity);
        Field<NonNullGraphType<MoneyGraphType>>("unitPrice").Resolve(c => Money.Of(c.Source.UnitPrice));
        Field<NonNullGraphType<MoneyGraphType>>("lineTotal").Resolve(c => Money.Of(c.Source.LineTotal));
    }
}
