using EShop.Shared;
using Orleans.Transactions.Abstractions;

namespace EShop.Shipping;

[GrainType("eshop.shipping.tracking-number")]
public sealed class TrackingNumberGrain(
    [TransactionalState(StateNames.TrackingNumber, StorageNames.Shipping)] ITransactionalState<TrackingNumberState> state) : Grain, ITrackingNumberGrain
{
    public Task<Guid?> GetAsync() => state.PerformRead(s => s.OrderId);

    // A carrier never issues one number twice; the first order to claim it keeps it.
    public Task AssignAsync(Guid orderId) => state.PerformUpdate(s => s.OrderId ??= orderId);
}
