namespace EShop.Shared;

public static class PersistentStateWrites
{
    // Writes the state; when the write fails, the state in memory is ahead of storage, so the grain deactivates and
    // reads it again on its next call.
    public static async Task WriteOrDeactivateAsync<TState>(this IPersistentState<TState> state, Grain grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
