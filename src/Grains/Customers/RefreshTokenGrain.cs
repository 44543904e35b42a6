using EShop.Shared;

namespace EShop.Customers;

[GrainType("eshop.customers.refresh-token")]
public sealed class RefreshTokenGrain(
    [PersistentState(StateNames.RefreshToken, StorageNames.Customers)] IPersistentState<RefreshTokenState> state,
    IGrainFactory grains,
    TimeProvider time) : Grain, IRefreshTokenGrain
{
    public async Task IssueAsync(Guid customerId, Guid sessionId, DateTimeOffset expiresAt)
    {
        state.State = new RefreshTokenState { CustomerId = customerId, SessionId = sessionId, ExpiresAt = expiresAt };
        await state.WriteStateAsync();
    }

    public async Task<RefreshTokenOwner?> RedeemAsync()
    {
        if (state.State is not { CustomerId: { } customerId } || state.State.ExpiresAt <= time.GetUtcNow())
        {
            return null;
        }

        var sessions = grains.GetGrain<ICustomerSessionsGrain>(customerId);
        if (state.State.Redeemed)
        {
            // Used once already: the one presenting it now, or the one who did before, is not the customer.
            await sessions.EndAsync(state.State.SessionId);
            return null;
        }

        state.State.Redeemed = true;
        await state.WriteStateAsync();
        return await sessions.IsActiveAsync(state.State.SessionId) ? new RefreshTokenOwner(customerId, state.State.SessionId) : null;
    }
}
