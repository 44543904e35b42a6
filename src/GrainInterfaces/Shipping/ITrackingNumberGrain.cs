namespace EShop.Shipping;

/// <summary>
/// The tracking-number index (key: the tracking number): which order claimed it. The claim is committed before the
/// order's label transaction, so an order whose label never committed may hold one: the shipment is what says whether
/// the number is the order's.
/// </summary>
[Alias("eshop.shipping.ITrackingNumberGrain")]
public interface ITrackingNumberGrain : IGrainWithStringKey
{
    [Transaction(TransactionOption.CreateOrJoin), ReadOnly, Alias("Get")]
    Task<Guid?> GetAsync();

    [Transaction(TransactionOption.CreateOrJoin), Alias("Assign")]
    Task AssignAsync(Guid orderId);
}
