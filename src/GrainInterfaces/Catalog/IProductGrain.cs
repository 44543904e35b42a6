using EShop.Shared;

namespace EShop.Catalog;

/// <summary>
/// A product, keyed by SKU, with transactional state. Its methods join a transaction that a coordinator
/// (<see cref="ICatalogAdminGrain"/>, checkout) creates, so the coordinator can publish events once it has committed.
/// </summary>
[Alias("eshop.catalog.IProductGrain")]
public interface IProductGrain : IGrainWithStringKey
{
    [Transaction(TransactionOption.CreateOrJoin), ReadOnly, Alias("Get")]
    Task<ProductSnapshot?> GetAsync();

    [Transaction(TransactionOption.Join), Alias("Upsert")]
    Task<ProductChange> UpsertAsync(ProductDetails details);

    [Transaction(TransactionOption.Join), Alias("SetPrice")]
    Task<Result<ProductChange>> SetPriceAsync(decimal price);

    [Transaction(TransactionOption.Join), Alias("SetDiscount")]
    Task<Result<ProductChange>> SetDiscountAsync(decimal percent);

    [Transaction(TransactionOption.Join), Alias("AdjustStock")]
    Task<Result<ProductChange>> AdjustStockAsync(int delta);

    /// <summary>Takes the product off the catalog; upserting it puts it back.</summary>
    [Transaction(TransactionOption.Join), Alias("Remove")]
    Task<Result<ProductChange>> RemoveAsync();

    /// <summary>Takes <paramref name="quantity"/> units if the sale price is still <paramref name="expectedUnitPrice"/> and enough are left.</summary>
    [Transaction(TransactionOption.Join), Alias("Reserve")]
    Task<Reservation> ReserveAsync(int quantity, decimal expectedUnitPrice);

    [Transaction(TransactionOption.Join), Alias("Release")]
    Task<ProductSnapshot?> ReleaseAsync(int quantity);
}
