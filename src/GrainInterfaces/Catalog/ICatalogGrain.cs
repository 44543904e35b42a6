using System.Collections.Immutable;
using EShop.Catalog.Events;

namespace EShop.Catalog;

/// <summary>
/// The catalog's read side (one activation, key <see cref="Key"/>): categories, and a committed view of every product
/// for product pages, lists and search, so browsing never opens a transaction.
/// </summary>
[Alias("eshop.catalog.ICatalogGrain")]
public interface ICatalogGrain : IGrainWithStringKey
{
    const string Key = "all";

    [ReadOnly, Alias("GetProduct")]
    Task<ProductSnapshot?> GetProductAsync(string productId);

    [ReadOnly, Alias("GetProducts")]
    Task<ImmutableArray<ProductSnapshot>> GetProductsAsync(ImmutableArray<string> productIds);

    [ReadOnly, Alias("Search")]
    Task<ProductPage> SearchAsync(ProductQuery query);

    [ReadOnly, Alias("GetCategories")]
    Task<ImmutableArray<Category>> GetCategoriesAsync();

    [Alias("UpsertCategory")]
    Task<Category> UpsertCategoryAsync(Category category);

    /// <summary>Records committed product changes; a change older than the one held is ignored.</summary>
    [Alias("Apply")]
    Task ApplyAsync(ImmutableArray<CatalogEvent> changes);
}
