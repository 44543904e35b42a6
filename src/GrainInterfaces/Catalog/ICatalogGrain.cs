using System.Collections.Immutable;

namespace EShop.Catalog;

/// <summary>
/// The catalog's read side: product pages, lists, search and categories, served from the catalog view of the silo the
/// call lands on (a stateless worker), so browsing neither opens a transaction nor queues behind one activation.
/// Every subscribed view has each committed change before the mutation that made it answers (docs/architecture.md,
/// Reads, says when a view is not subscribed).
/// </summary>
[Alias("eshop.catalog.ICatalogGrain")]
public interface ICatalogGrain : IGrainWithStringKey
{
    const string Key = "all";

    [Alias("GetProduct")]
    Task<ProductSnapshot?> GetProductAsync(string productId);

    /// <summary>The products with these SKUs, in their order, removed ones included (the orders and carts that hold them show them).</summary>
    [Alias("GetProducts")]
    Task<ImmutableArray<ProductSnapshot>> GetProductsAsync(ImmutableArray<string> productIds);

    /// <summary>The products with these SKUs that are on the catalog (not removed), in their order.</summary>
    [Alias("GetListedProducts")]
    Task<ImmutableArray<ProductSnapshot>> GetListedProductsAsync(ImmutableArray<string> productIds);

    [Alias("Search")]
    Task<ProductPage> SearchAsync(ProductQuery query);

    [Alias("GetCategories")]
    Task<ImmutableArray<Category>> GetCategoriesAsync();
}
