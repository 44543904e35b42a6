using Npgsql;

namespace EShop.Silo.Persistence;

// An item of a group commit: its caller waits on Done.
internal interface IGroupItem<TAnswer>
{
    TaskCompletionSource<TAnswer> Done { get; }
}

// One group's statement, and how its callers hear of it: only after it returned, so none is told of a write that a
// crash then lost. Shared by the group commits of transactional state and of grain state (reads and writes) and by the
// event log's reads.
internal static partial class GroupStatement
{
    // Errors that come from what one row holds (cardinality, data, integrity, a triggered change), not from the
    // connection or the server's state.
    private static readonly string[] RowClasses = ["21", "22", "23", "27"];

    // Sends the group as one statement (send) and answers each item from what it returned (answer). A statement the
    // server refused for what one row holds wrote none of it: each item goes again on its own, so only that one's
    // caller sees the error. Any other failure may or may not have committed (a connection lost on the way back):
    // every caller fails, with the message only, as Npgsql's exceptions have no Orleans codec, and the detail stays in
    // this silo's log.
    public static async Task SendAsync<TItem, TAnswer, TOutcome>(
        IReadOnlyList<TItem> group, Func<IReadOnlyList<TItem>, Task<TOutcome>> send, Func<TItem, TOutcome, TAnswer> answer, ILogger logger, string what)
        where TItem : IGroupItem<TAnswer>
    {
        try
        {
            var outcome = await send(group);
            foreach (var item in group)
            {
                item.Done.TrySetResult(answer(item, outcome));
            }
        }
        catch (PostgresException exception) when (group.Count > 1 && RowClasses.Contains(exception.SqlState[..2]))
        {
            LogGroupRefused(logger, exception, what, group.Count);
            foreach (var item in group)
            {
                await SendAsync([item], send, answer, logger, what);
            }
        }
        catch (Exception exception)
        {
            LogGroupFailed(logger, exception, what, group.Count);
            var failure = new OrleansException($"{what} failed: {exception.Message}");
            foreach (var item in group)
            {
                item.Done.TrySetException(failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What}: PostgreSQL refused a statement of {Count} rows; sending them one by one")]
    private static partial void LogGroupRefused(ILogger logger, Exception exception, string what, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What} failed for {Count} rows")]
    private static partial void LogGroupFailed(ILogger logger, Exception exception, string what, int count);
}
