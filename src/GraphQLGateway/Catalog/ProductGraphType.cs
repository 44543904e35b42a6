using EShop.Catalog;
using EShop.GraphQLGateway.Shared;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace EShop.GraphQLGateway.Catalog;

public sealed class ProductGraphType : ObjectGraphType<ProductSnapshot>
{
    public ProductGraphType()
    {
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The SKU.");
        Field(p => p.Name);
        Field(p => p.Description);
        Field<NonNullGraphType<CategoryGraphType>>("category")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<CategoryDataLoader>().GetAsync(c.Source.CategoryId));
        Field<NonNullGraphType<MoneyGraphType>>("price").Description("The list price.").Resolve(c => Money.Of(c.Source.Price));
        Field<NonNullGraphType<MoneyGraphType>>("salePrice")
            .Description("The price after the active discount; equals price when there is none.")
            .Resolve(c => Money.Of(c.Source.SalePrice));
        Field<NonNullGraphType<DecimalGraphType>>("discountPercent").Resolve(c => c.Source.DiscountPercent);
        Field(p => p.Stock).Description("Units available to buy now.");
        Field<NonNullGraphType<BooleanGraphType>>("inStock").Resolve(c => c.Source.Stock > 0);
        Field<NonNullGraphType<IntGraphType>>("weightGrams").Resolve(c => c.Source.WeightGrams);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt.UtcDateTime);
    }
}
