using GraphQL.Types;

namespace EShop.GraphQLGateway.Shared;

// An edge of a Relay connection: a cursor and the node it points at.
public abstract class EdgeGraphType<TNodeGraphType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeGraphType : IGraphType
{
    protected EdgeGraphType()
    {
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeGraphType>>("node").Resolve(c => c.Source.Node);
    }
}
