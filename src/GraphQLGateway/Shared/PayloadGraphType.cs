using EShop.Shared;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Shared;

// A mutation payload: the changed object under valueField (null on failure) and the user errors.
public abstract class PayloadGraphType<TGraphType, TValue> : ObjectGraphType<Result<TValue>>
    where TGraphType : IGraphType
{
    protected PayloadGraphType(string valueField)
    {
        Field<TGraphType>(valueField).Resolve(c => c.Source.Value);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("userErrors").Resolve(c => c.Source.Errors);
    }
}
