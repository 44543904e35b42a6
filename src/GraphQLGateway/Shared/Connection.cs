namespace EShop.GraphQLGateway.Shared;

// A page of a Relay connection over an offset-paged list; the cursor is the item's position, opaque to clients.
public sealed record Connection<T>(IReadOnlyList<Edge<T>> Edges, PageInfo PageInfo, int TotalCount)
{
    public const int MaxPageSize = 100;

    public static Connection<T> Of(IReadOnlyList<T> items, int offset, int totalCount)
    {
        var edges = items.Select((item, i) => new Edge<T>(Cursor.Encode(offset + i), item)).ToList();
        var pageInfo = new PageInfo(offset + items.Count < totalCount, offset > 0, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor);
        return new Connection<T>(edges, pageInfo, totalCount);
    }
}
