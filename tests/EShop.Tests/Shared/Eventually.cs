namespace EShop.Tests.Shared;

public static class Eventually
{
    // Polls until probe yields a value that passes done, for effects that arrive by stream.
    public static async Task<T> MatchesAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await probe();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }

    // Calls until a call answers instead of throwing, as a client retries while a cluster recovers; the last failure
    // is thrown once within has passed.
    public static async Task<T> AnsweredAsync<T>(Func<Task<T>> call, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
