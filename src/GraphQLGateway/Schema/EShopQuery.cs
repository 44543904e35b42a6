using GraphQL.Types;

namespace EShop.GraphQLGateway.Schema;

public sealed class EShopQuery : ObjectGraphType
{
    public EShopQuery(IEnumerable<IQueryFields> contexts)
    {
        Name = "Query";
        foreach (var context in contexts)
        {
            context.AddTo(this);
        }
    }
}
