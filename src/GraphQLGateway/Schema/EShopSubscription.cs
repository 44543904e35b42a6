using GraphQL.Types;

namespace EShop.GraphQLGateway.Schema;

public sealed class EShopSubscription : ObjectGraphType
{
    public EShopSubscription(IEnumerable<ISubscriptionFields> contexts)
    {
        Name = "Subscription";
        foreach (var context in contexts)
        {
            context.AddTo(this);
        }
    }
}
