using EShop.Shared;

namespace EShop.Shipping;

/// <summary>
/// An order's shipment (key: the order's Guid) with transactional state: created in the transaction that pays (or, for
/// cash on delivery, confirms) the order, and moved forward in transactions that also move the order.
/// </summary>
[Alias("eshop.shipping.IShipmentGrain")]
public interface IShipmentGrain : IGrainWithGuidKey
{
    [Transaction(TransactionOption.CreateOrJoin), ReadOnly, Alias("Get")]
    Task<ShipmentSnapshot?> GetAsync();

    /// <summary>Creates the shipment; when it exists already nothing changes and it is returned as it is.</summary>
    [Transaction(TransactionOption.Join), Alias("Create")]
    Task<ShipmentSnapshot> CreateAsync(NewShipment shipment);

    /// <summary>Records a tracking event. A status never goes backwards; one already reached changes nothing (null).</summary>
    [Transaction(TransactionOption.Join), Alias("Advance")]
    Task<Result<ShipmentSnapshot?>> AdvanceAsync(TrackingEvent tracking);
}
