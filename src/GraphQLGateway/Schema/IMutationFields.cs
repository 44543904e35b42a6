using GraphQL.Types;

namespace EShop.GraphQLGateway.Schema;

// One bounded context's fields on the root Mutation type.
public interface IMutationFields
{
    void AddTo(ObjectGraphType mutation);
}
