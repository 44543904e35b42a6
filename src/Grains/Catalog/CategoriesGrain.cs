using EShop.Shared;

namespace EShop.Catalog;

// The grain type and state name are the catalog's original ones, so categories stored before the catalog was
// sharded are still found.
[GrainType("eshop.catalog.catalog")]
public sealed class CategoriesGrain(
    [PersistentState(StateNames.Catalog, StorageNames.Catalog)] IPersistentState<CategoriesState> state) : Grain, ICategoriesGrain
{
    private readonly CatalogViewSubscribers _views = new();

    private CategoryList All => new(
        state.State.Version,
        [.. state.State.Categories.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id, StringComparer.Ordinal)]);

    public async Task<Category> UpsertAsync(Category category)
    {
        state.State.Categories[category.Id] = category;
        state.State.Version++;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // The state in memory is ahead of storage: read it again on the next call.
            DeactivateOnIdle();
            throw;
        }

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
