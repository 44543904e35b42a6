namespace EShop.Shipping;

/// <summary>The tracking-number index (key: the tracking number): which order's shipment carries it.</summary>
[Alias("eshop.shipping.ITrackingNumberGrain")]
public interface ITrackingNumberGrain : IGrainWithStringKey
{
    [Transaction(TransactionOption.CreateOrJoin), ReadOnly, Alias("Get")]
    Task<Guid?> GetAsync();

    [Transaction(TransactionOption.Join), Alias("Assign")]
    Task AssignAsync(Guid orderId);
}
