using EShop.Shared;

namespace EShop.Customers;

[GrainType("eshop.customers.sessions")]
public sealed class CustomerSessionsGrain(
    [PersistentState(StateNames.Sessions, StorageNames.Customers)] IPersistentState<List<Guid>> sessions) : Grain, ICustomerSessionsGrain
{
    public async Task StartAsync(Guid session)
    {
        if (sessions.State.Contains(session))
        {
            return;
        }

        sessions.State.Add(session);
        if (sessions.State.Count > ICustomerSessionsGrain.MaxSessions)
        {
            sessions.State.RemoveAt(0);
        }

        await sessions.WriteStateAsync();
    }

    public Task<bool> IsActiveAsync(Guid session) => Task.FromResult(sessions.State.Contains(session));

    public async Task EndAsync(Guid session)
    {
        if (sessions.State.Remove(session))
        {
            await sessions.WriteStateAsync();
        }
    }

    public async Task EndAllAsync()
    {
        if (sessions.State.Count > 0)
        {
            sessions.State.Clear();
            await sessions.WriteStateAsync();
        }
    }
}
