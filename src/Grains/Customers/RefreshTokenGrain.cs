using EShop.Shared;

namespace EShop.Customers;

[GrainType("eshop.customers.refresh-token")]
public sealed class RefreshTokenGrain(
    [PersistentState(StateNames.RefreshToken, StorageNames.Customers)] IPersistentState<RefreshTokenState> state,
    TimeProvider time) : Grain, IRefreshTokenGrain
{
    public async Task IssueAsync(Guid customerId, DateTimeOffset expiresAt)
    {
        state.State = new RefreshTokenState { CustomerId = customerId, ExpiresAt = expiresAt };
        await state.WriteStateAsync();
    }

    public async Task<Guid?> RedeemAsync()
    {
        if (state.State is not { CustomerId: { } customerId, Redeemed: false } || state.State.ExpiresAt <= time.GetUtcNow())
        {
            return null;
        }

        state.State.Redeemed = true;
        await state.WriteStateAsync();
        return customerId;
    }
}
