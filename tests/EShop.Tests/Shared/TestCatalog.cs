using EShop.Catalog;

namespace EShop.Tests.Shared;

// Creates products with fresh SKUs through the admin commands, so every test owns its data.
public static class TestCatalog
{
    public const string CategoryId = "test-category";

    public static async Task<ProductSnapshot> CreateProductAsync(IGrainFactory grains, decimal price = 10m, int stock = 10, string? name = null, string categoryId = CategoryId)
    {
        var admin = grains.GetGrain<ICatalogAdminGrain>(0);
        await admin.UpsertCategoryAsync(categoryId, "Test category");
        var id = NewSku();
        var result = await admin.UpsertProductAsync(id, new ProductDetails(name ?? $"Product {id}", "A product made by a test.", categoryId, price, stock, 500));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    // count products in bulk imports (one unit each, in the test category), in the order imported.
    public static async Task<ProductImport[]> ImportAsync(IGrainFactory grains, int count)
    {
        var admin = grains.GetGrain<ICatalogAdminGrain>(0);
        await admin.UpsertCategoryAsync(CategoryId, "Test category");
        var products = Enumerable.Range(0, count)
            .Select(i => new ProductImport(NewSku(), new ProductDetails($"Bulk {i}", "Imported by a test.", CategoryId, 5m, 1, 100)))
            .ToArray();
        foreach (var batch in products.Chunk(ICatalogAdminGrain.MaxImport))
        {
            Assert.True((await admin.ImportProductsAsync([.. batch])).Succeeded);
        }

        return products;
    }

    public static string NewCategoryId() => "cat-" + Guid.NewGuid().ToString("N")[..10];

    public static string NewSku() => "sku-" + Guid.NewGuid().ToString("N")[..12];

    public static Task<ProductSnapshot?> ReadAsync(IGrainFactory grains, string productId) =>
        grains.GetGrain<IProductGrain>(productId).GetAsync();
}
