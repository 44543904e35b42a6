using EShop.Customers;
using System.Collections.Immutable;
using EShop.Shared;

namespace EShop.Catalog;

/// <summary>
/// Admin commands on the catalog. Each runs one transaction on the product, then updates the catalog view and
/// publishes the domain event, both only after the commit.
/// </summary>
[Alias("eshop.catalog.ICatalogAdminGrain")]
public interface ICatalogAdminGrain : IGrainWithIntegerKey
{
    [RequiresPermission(Permissions.CatalogWrite), Alias("UpsertCategory")]
    Task<Result<Category>> UpsertCategoryAsync(string id, string name);

    [RequiresPermission(Permissions.CatalogWrite), Alias("UpsertProduct")]
    Task<Result<ProductSnapshot>> UpsertProductAsync(string productId, ProductDetails details);

    /// <summary>
    /// Creates or replaces up to <see cref="MaxImport"/> products in one transaction, all or none: a bulk load.
    /// Answers with how many were written, or with every refused product's errors.
    /// </summary>
    [RequiresPermission(Permissions.CatalogWrite), Alias("ImportProducts")]
    Task<Result<int>> ImportProductsAsync(ImmutableArray<ProductImport> products);

    const int MaxImport = 500;

    [RequiresPermission(Permissions.CatalogWrite), Alias("SetPrice")]
    Task<Result<ProductSnapshot>> SetPriceAsync(string productId, decimal price);

    [RequiresPermission(Permissions.CatalogWrite), Alias("SetDiscount")]
    Task<Result<ProductSnapshot>> SetDiscountAsync(string productId, decimal percent);

    [RequiresPermission(Permissions.CatalogWrite), Alias("AdjustStock")]
    Task<Result<ProductSnapshot>> AdjustStockAsync(string productId, int delta);

    /// <summary>Takes the product off the catalog (NOT_FOUND if it is not on it); upserting it puts it back.</summary>
    [RequiresPermission(Permissions.CatalogWrite), Alias("RemoveProduct")]
    Task<Result<ProductSnapshot>> RemoveProductAsync(string productId);
}
