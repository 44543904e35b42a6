using System.Collections.Immutable;
using EShop.Catalog;
using EShop.Shared;
using EShop.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace EShop.Tests.Catalog;

// Each silo serves catalog reads from its own view; these tests read every silo's view directly.
[Collection(ClusterCollection.Name)]
public sealed class CatalogViewTests(EShopClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private ICatalogAdminGrain Admin => _grains.GetGrain<ICatalogAdminGrain>(0);

    private IEnumerable<CatalogView> Views => fixture.Cluster.Silos
        .Select(silo => ((InProcessSiloHandle)silo).SiloHost.Services.GetRequiredService<CatalogView>());

    [Fact]
    public async Task AdminChange_WhenItAnswers_IsInEverySilosView()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, price: 10m, stock: 3);

        var changed = await Admin.SetPriceAsync(product.Id, 12.5m);

        Assert.Equal(2, Views.Count());
        Assert.All(Views, view => Assert.Equal(changed.Value, view.Get(product.Id)));
    }

    [Fact]
    public async Task NewCategory_WhenItAnswers_IsInEverySilosView()
    {
        var id = "cat-" + Guid.NewGuid().ToString("N")[..8];

        await Admin.UpsertCategoryAsync(id, "Fresh");

        Assert.All(Views, view => Assert.Contains(view.Categories, c => c.Id == id));
    }

    [Fact]
    public async Task ImportProducts_AllValid_CreatesAllInOneGo()
    {
        var name = "Imported " + Guid.NewGuid().ToString("N")[..8];
        ImmutableArray<ProductImport> batch = [.. Enumerable.Range(0, 40).Select(i =>
            new ProductImport(TestCatalog.NewSku(), new ProductDetails($"{name} {i}", "Bulk.", TestCatalog.CategoryId, 5m + i, i, 100)))];
        await TestCatalog.CreateProductAsync(_grains);

        var result = await Admin.ImportProductsAsync(batch);

        Assert.Equal(40, result.Value);
        var found = await _grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).SearchAsync(new ProductQuery(name, null, null, null, null, ProductSort.PriceAsc, 0, 100));
        Assert.Equal(batch.Select(p => p.ProductId), found.Items.Select(p => p.Id));
        Assert.All(Views, view => Assert.Equal(40, view.Search(new ProductQuery(name, null, null, null, null, ProductSort.Name, 0, 1)).TotalCount));
    }

    [Fact]
    public async Task ImportProducts_OneInvalid_CreatesNone()
    {
        await TestCatalog.CreateProductAsync(_grains);
        var good = TestCatalog.NewSku();

        var result = await Admin.ImportProductsAsync([
            new ProductImport(good, new ProductDetails("Fine", "Ok.", TestCatalog.CategoryId, 5m, 1, 100)),
            new ProductImport(TestCatalog.NewSku(), new ProductDetails("Broken", "Negative price.", TestCatalog.CategoryId, -1m, 1, 100))]);

        Assert.False(result.Succeeded);
        Assert.Equal(ErrorCodes.InvalidInput, result.Errors[0].Code);
        Assert.Null(await TestCatalog.ReadAsync(_grains, good));
        Assert.All(Views, view => Assert.Null(view.Get(good)));
    }

    [Fact]
    public async Task CategoriesOlderThanTheViews_AreIgnored()
    {
        await Admin.UpsertCategoryAsync("cat-" + Guid.NewGuid().ToString("N")[..8], "Newer");
        var view = Views.First();
        var held = view.Categories;

        await ((ICatalogViewObserver)view).CategoriesChangedAsync(new CategoryList(0, [new Category("stale", "Stale")]));

        Assert.Equal(held, view.Categories);
    }

    [Fact]
    public async Task ImportProducts_TooManyOrASkuTwice_IsRefusedWhole()
    {
        var sku = TestCatalog.NewSku();
        ProductImport Import(string id) => new(id, new ProductDetails("Bulk", "Bulk.", TestCatalog.CategoryId, 5m, 1, 100));

        var twice = await Admin.ImportProductsAsync([Import(sku), Import(sku)]);
        var tooMany = await Admin.ImportProductsAsync([.. Enumerable.Range(0, ICatalogAdminGrain.MaxImport + 1).Select(_ => Import(TestCatalog.NewSku()))]);

        Assert.Equal((ErrorCodes.InvalidInput, ErrorCodes.InvalidInput), (twice.Errors[0].Code, tooMany.Errors[0].Code));
        Assert.Null(await TestCatalog.ReadAsync(_grains, sku));
    }

}
