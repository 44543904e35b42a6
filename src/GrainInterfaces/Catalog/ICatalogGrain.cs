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

    /// <summary>
    /// Takes committed product changes: the view keeps each product's newest version, and the events go out on the
    /// catalog stream. Whoever committed the change calls this once the transaction is done.
    /// </summary>
    [Alias("Commit")]
    Task CommitAsync(ImmutableArray<CatalogEvent> changes);
}
