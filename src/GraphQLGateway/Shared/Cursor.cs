using System.Text;
using GraphQL;

namespace EShop.GraphQLGateway.Shared;

public static class Cursor
{
    private const string Prefix = "offset:";

    public static string Encode(int position) => Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + position));

    // The offset after after, and a page size in range; bad arguments are a GraphQL error with a code.
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
            if (text.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(text.AsSpan(Prefix.Length), out var position) && position is >= 0 and < int.MaxValue)
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
