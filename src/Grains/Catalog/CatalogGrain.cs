using System.Collections.Immutable;

namespace EShop.Catalog;

// Every call is a read of the silo's view, which is safe from any thread: Orleans runs as many activations per silo
// as it has cores.
[StatelessWorker, GrainType("eshop.catalog.view")]
public sealed class CatalogGrain(CatalogView view) : Grain, ICatalogGrain
{
    public async Task<ProductSnapshot?> GetProductAsync(string productId)
    {
        await view.Loaded;
        return view.Get(productId) is { Removed: false } product ? product : null;
    }

    public async Task<ImmutableArray<ProductSnapshot>> GetListedProductsAsync(ImmutableArray<string> productIds)
    {
        await view.Loaded;
        return [.. productIds.Select(view.Get).OfType<ProductSnapshot>().Where(p => !p.Removed)];
    }

    public async Task<ImmutableArray<ProductSnapshot>> GetProductsAsync(ImmutableArray<string> productIds)
    {
        await view.Loaded;
        return [.. productIds.Select(view.Get).OfType<ProductSnapshot>()];
    }

    public async Task<ProductPage> SearchAsync(ProductQuery query)
    {
        await view.Loaded;
        return view.Search(query);
    }

    public async Task<ImmutableArray<Category>> GetCategoriesAsync()
    {
        await view.Loaded;
        return view.Categories;
    }
}
