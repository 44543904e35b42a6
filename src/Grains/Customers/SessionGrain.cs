using EShop.Shared;

namespace EShop.Customers;

[GrainType("eshop.customers.session")]
public sealed class SessionGrain(
    [PersistentState(StateNames.Session, StorageNames.Customers)] IPersistentState<SessionState> state) : Grain, ISessionGrain
{
    public async Task StartAsync(Guid customerId)
    {
        if (state.State.CustomerId is not null)
        {
            return;
        }

        state.State = new SessionState { CustomerId = customerId };
        await state.WriteStateAsync();
    }

    public Task<Guid?> GetCustomerAsync() => Task.FromResult(state.State.Revoked ? null : state.State.CustomerId);

    public async Task RevokeAsync()
    {
        if (state.State.CustomerId is null || state.State.Revoked)
        {
            return;
        }

        state.State.Revoked = true;
        await state.WriteStateAsync();
    }
}

[GenerateSerializer, Alias("eshop.customers.SessionState")]
public sealed class SessionState
{
    [Id(0)] public Guid? CustomerId { get; set; }
    [Id(1)] public bool Revoked { get; set; }
}
