using System.Threading.Channels;

namespace EShop.Silo.Persistence;

// Many callers' items, handed to flush in groups: each of `loops` loops takes everything waiting (up to maxBatch) and
// flushes it, so under load a group carries what queued while the previous one was in flight, and alone an item goes
// at once. flush answers the items' callers and does not throw.
internal sealed class GroupedQueue<T> : IAsyncDisposable
{
    private readonly Channel<T> _queue = Channel.CreateUnbounded<T>();
    private readonly Task[] _loops;

    public GroupedQueue(int loops, int maxBatch, Func<IReadOnlyList<T>, Task> flush) =>
        _loops = Enumerable.Range(0, loops).Select(_ => Task.Run(() => LoopAsync(maxBatch, flush))).ToArray();

    // Queues the item; its caller waits on answer, which flush completes. Once disposed, the answer is a failure.
    public Task<TAnswer> AddAsync<TAnswer>(T item, TaskCompletionSource<TAnswer> answer) =>
        _queue.Writer.TryWrite(item) ? answer.Task : Task.FromException<TAnswer>(new ObjectDisposedException(nameof(GroupedQueue<T>)));

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops);
    }

    private async Task LoopAsync(int maxBatch, Func<IReadOnlyList<T>, Task> flush)
    {
        var batch = new List<T>(maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < maxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            if (batch.Count > 0)
            {
                await flush(batch);
                batch.Clear();
            }
        }
    }
}
