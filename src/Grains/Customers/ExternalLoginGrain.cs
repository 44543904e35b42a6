using EShop.Shared;

namespace EShop.Customers;

[GrainType("eshop.customers.external-login")]
public sealed class ExternalLoginGrain(
    [PersistentState(StateNames.ExternalLogin, StorageNames.Customers)] IPersistentState<ExternalLoginState> state) : Grain, IExternalLoginGrain
{
    public Task<Guid?> GetCustomerAsync() => Task.FromResult(state.State.CustomerId);

    public async Task<Guid> LinkAsync(Guid customerId)
    {
        if (state.State.CustomerId is { } linked)
        {
            return linked;
        }

        state.State.CustomerId = customerId;
        await state.WriteStateAsync();
        return customerId;
    }
}

[GenerateSerializer, Alias("eshop.customers.ExternalLoginState")]
public sealed class ExternalLoginState
{
    [Id(0)] public Guid? CustomerId { get; set; }
}
