using System.Collections.Immutable;
using EShop.Catalog;
using EShop.Customers;
using EShop.Shared;

namespace EShop.Favourites;

/// <summary>
/// Recommendations, read from the co-purchase model and the catalog. Never the product asked about, never a product the
/// catalog does not list or has no stock of.
/// </summary>
[Alias("eshop.favourites.IRecommendationsGrain")]
public interface IRecommendationsGrain : IGrainWithIntegerKey
{
    const int MaxFirst = 20;

    /// <summary>
    /// Products often bought with this one (by orders that had both, then by id); when there is too little history (none of
    /// them can be sold now), the best sellers of its category. NOT_FOUND for a product the catalog does not list.
    /// </summary>
    [ReadOnly, Alias("ForProduct")]
    Task<Result<ImmutableArray<ProductSnapshot>>> ForProductAsync(string productId, int first);

    /// <summary>
    /// Products bought with the customer's favourites and recent purchases that they have not bought, or with too little
    /// history, the best sellers of those products' categories.
    /// </summary>
    [ReadOnly, Alias("ForCustomer")]
    Task<ImmutableArray<ProductSnapshot>> ForCustomerAsync(Guid customerId, int first);

    /// <summary>Rebuilds the co-purchase model from the purchase log; answers with how many purchases it read.</summary>
    [RequiresPermission(Permissions.CatalogWrite), Alias("Rebuild")]
    Task<int> RebuildAsync();
}
