using System.Collections.Immutable;
using EShop.Catalog;

namespace EShop.GraphQLGateway.Catalog;

// The categories, read once per request however many products name theirs.
public sealed class CategoryDataLoader(ICatalogGrain catalog)
{
    private readonly Lazy<Task<ImmutableDictionary<string, Category>>> _categories = new(async () =>
        (await catalog.GetCategoriesAsync()).ToImmutableDictionary(c => c.Id));

    public async Task<Category> GetAsync(string categoryId) =>
        (await _categories.Value).GetValueOrDefault(categoryId) ?? new Category(categoryId, categoryId);
}
