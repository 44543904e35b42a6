using EShop.Shared;
using Orleans.Transactions.Abstractions;

namespace EShop.Shipping;

[GrainType("eshop.shipping.shipment")]
public sealed class ShipmentGrain(
    [TransactionalState(StateNames.Shipment, StorageNames.Shipping)] ITransactionalState<ShipmentState> state) : Grain, IShipmentGrain
{
    private Guid OrderId => this.GetPrimaryKey();

    public Task<ShipmentSnapshot?> GetAsync() => state.PerformRead(s => s.ToSnapshot(OrderId));

    public Task<ShipmentSnapshot> CreateAsync(NewShipment shipment) => state.PerformUpdate(s =>
    {
        if (!s.Created)
        {
            (s.TrackingNumber, s.Carrier) = (shipment.TrackingNumber, shipment.Carrier);
            s.Events.Add(shipment.Created);
        }

        return s.ToSnapshot(OrderId)!;
    });

    public Task<Result<ShipmentSnapshot?>> AdvanceAsync(TrackingEvent tracking) => state.PerformUpdate(s =>
    {
        var moved = s.Advance(tracking);
        return moved.Succeeded
            ? Result<ShipmentSnapshot?>.Ok(moved.Value ? s.ToSnapshot(OrderId) : null)
            : Result<ShipmentSnapshot?>.Fail(moved.Errors);
    });
}
