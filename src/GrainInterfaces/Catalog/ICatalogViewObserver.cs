using System.Collections.Immutable;

namespace EShop.Catalog;

/// <summary>
/// A silo's catalog view, as the grains that own the catalog's data see it: they send it every committed change, and
/// wait for it, before the change's author hears that it is done.
/// </summary>
[Alias("eshop.catalog.ICatalogViewObserver")]
public interface ICatalogViewObserver : IGrainObserver
{
    [Alias("ProductsChanged")]
    Task ProductsChangedAsync(ImmutableArray<ProductSnapshot> products);

    [Alias("CategoriesChanged")]
    Task CategoriesChangedAsync(CategoryList categories);
}
