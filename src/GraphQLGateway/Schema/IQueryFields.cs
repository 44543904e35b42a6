using GraphQL.Types;

namespace EShop.GraphQLGateway.Schema;

// One bounded context's fields on the root Query type.
public interface IQueryFields
{
    void AddTo(ObjectGraphType query);
}
