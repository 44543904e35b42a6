using EShop.Catalog;

namespace EShop.Tests.Shared;

// Creates products with fresh SKUs through the admin commands, so every test owns its data.
public static class TestCatalog
{
    public const string CategoryId = "test-category";

    public static async Task<ProductSnapshot> CreateProductAsync(IGrainFactory grains, decimal price = 10m, int stock = 10, string? name = null)
    {
        var admin = grains.GetGrain<ICatalogAdminGrain>(0);
        await admin.UpsertCategoryAsync(CategoryId, "Test category");
        var id = NewSku();
        var result = await admin.UpsertProductAsync(id, new ProductDetails(name ?? $"Product {id}", "A product made by a test.", CategoryId, price, stock, 500));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    public static string NewSku() => "sku-" + Guid.NewGuid().ToString("N")[..12];

    public static Task<ProductSnapshot?> ReadAsync(IGrainFactory grains, string productId) =>
        grains.GetGrain<IProductGrain>(productId).GetAsync();
}
