using System.Collections.Immutable;
using EShop.Shared;

namespace EShop.Catalog;

// The grain type and state name are the catalog's original ones, so categories stored before the catalog was
// sharded are still found.
[GrainType("eshop.catalog.catalog")]
public sealed class CategoriesGrain(
    [PersistentState(StateNames.Catalog, StorageNames.Catalog)] IPersistentState<CategoriesState> state) : Grain, ICategoriesGrain
{
    private readonly CatalogViewSubscribers _views = new();

    private ImmutableArray<Category> All =>
        [.. state.State.Categories.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id, StringComparer.Ordinal)];

    public async Task<Category> UpsertAsync(Category category)
    {
        state.State.Categories[category.Id] = category;
        await state.WriteStateAsync();
        var all = All;
        await _views.NotifyAsync(view => view.CategoriesChangedAsync(all));
        return category;
    }

    public Task<ImmutableArray<Category>> SubscribeAsync(ICatalogViewObserver view)
    {
        _views.Add(view);
        return Task.FromResult(All);
    }
}
