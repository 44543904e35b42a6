using System.Collections.Immutable;
using EShop.Catalog.Events;
using EShop.Shared;

namespace EShop.Catalog;

[GrainType("eshop.catalog.catalog")]
public sealed class CatalogGrain(
    [PersistentState(StateNames.Catalog, StorageNames.Catalog)] IPersistentState<CatalogState> state,
    IGrainFactory grains) : Grain, ICatalogGrain
{
    private readonly Dictionary<string, ProductSnapshot> _products = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var snapshots = await Task.WhenAll(state.State.ProductIds.Select(id => grains.GetGrain<IProductGrain>(id).GetAsync()));
        foreach (var snapshot in snapshots.OfType<ProductSnapshot>())
        {
            _products[snapshot.Id] = snapshot;
        }
    }

    public Task<ProductSnapshot?> GetProductAsync(string productId) =>
        Task.FromResult(_products.GetValueOrDefault(productId));

    public Task<ImmutableArray<ProductSnapshot>> GetProductsAsync(ImmutableArray<string> productIds) =>
        Task.FromResult(productIds.Select(_products.GetValueOrDefault).OfType<ProductSnapshot>().ToImmutableArray());

    public Task<ProductPage> SearchAsync(ProductQuery query) => Task.FromResult(ProductSearch.Run(_products.Values, query));

    public Task<ImmutableArray<Category>> GetCategoriesAsync() =>
        Task.FromResult(state.State.Categories.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id).ToImmutableArray());

    public async Task<Category> UpsertCategoryAsync(Category category)
    {
        state.State.Categories[category.Id] = category;
        await state.WriteStateAsync();
        return category;
    }

    public async Task CommitAsync(ImmutableArray<CatalogEvent> changes)
    {
        foreach (var product in changes.Select(c => c.Product))
        {
            if (!_products.TryGetValue(product.Id, out var held) || held.Version < product.Version)
            {
                _products[product.Id] = product;
            }
        }

        if (changes.Any(c => !state.State.ProductIds.Contains(c.ProductId)))
        {
            state.State.ProductIds.UnionWith(changes.Select(c => c.ProductId));
            await state.WriteStateAsync();
        }

        await this.PublishAsync(StreamNames.Catalog, changes, c => c.ProductId);
    }
}
