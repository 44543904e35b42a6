using EShop.Shared;

namespace EShop.Catalog;

/// <summary>
/// Admin commands on the catalog. Each runs one transaction on the product, then updates the catalog view and
/// publishes the domain event, both only after the commit.
/// </summary>
[Alias("eshop.catalog.ICatalogAdminGrain")]
public interface ICatalogAdminGrain : IGrainWithIntegerKey
{
    [Alias("UpsertCategory")]
    Task<Result<Category>> UpsertCategoryAsync(string id, string name);

    [Alias("UpsertProduct")]
    Task<Result<ProductSnapshot>> UpsertProductAsync(string productId, ProductDetails details);

    [Alias("SetPrice")]
    Task<Result<ProductSnapshot>> SetPriceAsync(string productId, decimal price);

    [Alias("SetDiscount")]
    Task<Result<ProductSnapshot>> SetDiscountAsync(string productId, decimal percent);

    [Alias("AdjustStock")]
    Task<Result<ProductSnapshot>> AdjustStockAsync(string productId, int delta);
}
