using System.Collections.Immutable;
using EShop.Catalog;
using EShop.Favourites;

namespace EShop.GraphQLGateway.Favourites;

internal static class FavouriteProducts
{
    // The favourites' products in the list's order (newest first); a product the catalog no longer lists is left out.
    public static Task<ImmutableArray<ProductSnapshot>> ProductsAsync(this ICatalogGrain catalog, ImmutableArray<Favourite> favourites) =>
        catalog.GetListedProductsAsync([.. favourites.Select(f => f.ProductId)]);

    // Notifications whose products the catalog still lists.
    public static async Task<IEnumerable<Notification>> ListedAsync(this ICatalogGrain catalog, ImmutableArray<Notification> notifications)
    {
        var listed = (await catalog.GetListedProductsAsync([.. notifications.Select(n => n.ProductId).Distinct()])).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return notifications.Where(n => listed.Contains(n.ProductId));
    }
}
