using GraphQL.Types;

namespace EShop.GraphQLGateway.Shared;

// A Relay connection; subclasses only give it the schema name (ProductConnection, OrderConnection).
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
