using EShop.Carts;
using EShop.Catalog;
using EShop.Ordering;

namespace EShop.Tests.Shared;

// The grains tests look at most, by what they are to a test rather than by key type.
public static class ShopGrains
{
    public static ICartGrain Cart(this IGrainFactory grains, Guid customerId) => grains.GetGrain<ICartGrain>(customerId);

    public static ICustomerOrdersGrain History(this IGrainFactory grains, Guid customerId) => grains.GetGrain<ICustomerOrdersGrain>(customerId);

    public static ICatalogAdminGrain CatalogAdmin(this IGrainFactory grains) => grains.GetGrain<ICatalogAdminGrain>(0);

    public static ICatalogGrain Catalog(this IGrainFactory grains) => grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key);
}
