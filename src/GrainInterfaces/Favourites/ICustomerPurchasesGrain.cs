namespace EShop.Favourites;

/// <summary>What one customer (key: customer Guid) has bought, fed by their placed orders, each counted once.</summary>
[Alias("eshop.favourites.ICustomerPurchasesGrain")]
public interface ICustomerPurchasesGrain : IGrainWithGuidKey
{
    [Alias("Record")]
    Task RecordAsync(Purchase purchase);

    [ReadOnly, Alias("Get")]
    Task<CustomerPurchases> GetAsync();
}
