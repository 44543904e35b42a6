using EShop.Shared;

namespace EShop.Catalog;

// The grain type and state name are the catalog's original ones, so categories stored before the catalog was
// sharded are still found.
[GrainType("eshop.catalog.catalog")]
public sealed class CategoriesGrain(
    [PersistentState(StateNames.Catalog, StorageNames.Catalog)] IPersistentState<CategoriesState> state,
    TimeProvider time) : Grain, ICategoriesGrain
{
    private readonly CatalogViewSubscribers _views = new(time);

    private CategoryList All => new(
        state.State.Version,
        [.. state.State.Categories.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id, StringComparer.Ordinal)]);

    public async Task<Category> UpsertAsync(Category category)
    {
        state.State.Categories[category.Id] = category;
        state.State.Version++;
        await state.WriteOrDeactivateAsync(this);

        var all = All;
        await _views.NotifyAsync(view => view.CategoriesChangedAsync(all));
        return category;
    }

    public Task<CategoryList> SubscribeAsync(ICatalogViewObserver view)
    {
        _views.Add(view);
        return Task.FromResult(All);
    }

    public Task UnsubscribeAsync(ICatalogViewObserver view)
    {
        _views.Remove(view);
        return Task.CompletedTask;
    }
}
