using System.Text;
using GraphQL;

namespace EShop.GraphQLGateway.Shared;

/// <summary>A page of a Relay connection over an offset-paged list; the cursor is the item's position, opaque to clients.</summary>
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

public sealed record Edge<T>(string Cursor, T Node);

public static class Cursor
{
    private const string Prefix = "offset:";

    public static string Encode(int position) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + position));

    /// <summary>The offset after <paramref name="after"/>, and a page size in range; bad arguments are a GraphQL error with a code.</summary>
    public static (int Offset, int Limit) Page(int first, string? after)
    {
        if (first is < 0 or > Connection<object>.MaxPageSize)
        {
            throw new ExecutionError($"first must be between 0 and {Connection<object>.MaxPageSize}.") { Code = "BAD_USER_INPUT" };
        }

        return (after is null ? 0 : Decode(after) + 1, first);
    }

    private static int Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(text.AsSpan(Prefix.Length), out var position) && position >= 0)
            {
                return position;
            }
        }
        catch (FormatException)
        {
        }

        throw new ExecutionError($"'{cursor}' is not a cursor this list gave out.") { Code = "BAD_USER_INPUT" };
    }
}
