using GraphQL.Types;

namespace EShop.GraphQLGateway.Schema;

// One bounded context's fields on the root Subscription type.
public interface ISubscriptionFields
{
    void AddTo(ObjectGraphType subscription);
}
