using GraphQL.Types;

namespace EShop.GraphQLGateway.Schema;

/// <summary>One bounded context's fields on the root Query type.</summary>
public interface IQueryFields
{
    void AddTo(ObjectGraphType query);
}
