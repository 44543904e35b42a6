using EShop.GraphQLGateway.Customers;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Schema;

public sealed class EShopMutation : ObjectGraphType
{
    public EShopMutation(IEnumerable<IMutationFields> contexts)
    {
        Name = "Mutation";
        foreach (var context in contexts)
        {
            context.AddTo(this);
        }

        this.WrapAudited();
    }
}
