namespace EShop.Catalog;

/// <summary>The catalog's categories (one activation, key <see cref="Key"/>): admins change them; views read them.</summary>
[Alias("eshop.catalog.ICategoriesGrain")]
public interface ICategoriesGrain : IGrainWithStringKey
{
    const string Key = "all";

    [Alias("Upsert")]
    Task<Category> UpsertAsync(Category category);

    /// <summary>Sends every change of the categories to <paramref name="view"/> from now on; answers with them all.</summary>
    [Alias("Subscribe")]
    Task<CategoryList> SubscribeAsync(ICatalogViewObserver view);

    /// <summary>Stops sending changes to <paramref name="view"/> (its silo is stopping).</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(ICatalogViewObserver view);
}
