using GraphQL.Types;

namespace EShop.GraphQLGateway.Schema;

/// <summary>One bounded context's fields on the root Mutation type.</summary>
public interface IMutationFields
{
    void AddTo(ObjectGraphType mutation);
}
