using GraphQL.Types;

namespace EShop.GraphQLGateway.Catalog;

public sealed class ProductInputGraphType : InputObjectGraphType<ProductInput>
{
    public ProductInputGraphType()
    {
        Field(p => p.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("The SKU, chosen by the admin.");
        Field(p => p.Name);
        Field(p => p.Description);
        Field(p => p.CategoryId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(p => p.Price, type: typeof(NonNullGraphType<DecimalGraphType>));
        Field(p => p.Stock);
        Field(p => p.WeightGrams, nullable: true).Description("Shipping weight; 0 when not given.");
    }
}
