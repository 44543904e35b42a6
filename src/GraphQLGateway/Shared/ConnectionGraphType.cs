using GraphQL.Types;

namespace EShop.GraphQLGateway.Shared;

/// <summary>A Relay connection; subclasses only give it the schema name (ProductConnection, OrderConnection).</summary>
public abstract class ConnectionGraphType<TEdgeGraphType, TNode> : ObjectGraphType<Connection<TNode>>
    where TEdgeGraphType : IGraphType
{
    protected ConnectionGraphType()
    {
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TEdgeGraphType>>>>("edges").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(c => c.Source.PageInfo);
        Field<NonNullGraphType<IntGraphType>>("totalCount").Resolve(c => c.Source.TotalCount);
    }
}

/// <summary>An edge of a Relay connection: a cursor and the node it points at.</summary>
public abstract class EdgeGraphType<TNodeGraphType, TNode> : ObjectGraphType<Edge<TNode>>
    where TNodeGraphType : IGraphType
{
    protected EdgeGraphType()
    {
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => c.Source.Cursor);
        Field<NonNullGraphType<TNodeGraphType>>("node").Resolve(c => c.Source.Node);
    }
}
