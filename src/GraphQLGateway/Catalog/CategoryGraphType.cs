using GraphQL.Types;

namespace EShop.GraphQLGateway.Catalog;

public sealed class CategoryGraphType : ObjectGraphType<EShop.Catalog.Category>
{
    public CategoryGraphType()
    {
        Field(c => c.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(c => c.Name);
    }
}
