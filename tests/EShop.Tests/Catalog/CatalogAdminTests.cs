using EShop.Catalog;
using EShop.Shared;
using EShop.Tests.Shared;

namespace EShop.Tests.Catalog;

[Collection(ClusterCollection.Name)]
public sealed class CatalogAdminTests(EShopClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private ICatalogAdminGrain Admin => _grains.GetGrain<ICatalogAdminGrain>(0);

    private ICatalogGrain Catalog => _grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key);

    [Fact]
    public async Task UpsertProduct_NewSku_CreatesProductAndCatalogView()
    {
        await Admin.UpsertCategoryAsync("garden-tools", "Garden tools");
        var sku = TestCatalog.NewSku();

        var result = await Admin.UpsertProductAsync(sku, new ProductDetails("Spade", "Digs.", "garden-tools", 24.50m, 7, 1200));

        Assert.True(result.Succeeded);
        var expected = (sku, "eshop", "Spade", "garden-tools", 24.50m, 0m, 7, 1L);
        var product = (await TestCatalog.ReadAsync(_grains, sku))!;
        Assert.Equal(expected, (product.Id, product.SellerId, product.Name, product.CategoryId, product.Price, product.DiscountPercent, product.Stock, product.Version));
        Assert.Equal(product, await Catalog.GetProductAsync(sku));
    }

    [Fact]
    public async Task UpsertProduct_ExistingSku_ReplacesDetailsAndKeepsCreationTime()
    {
        var created = await TestCatalog.CreateProductAsync(_grains, price: 10m, stock: 3);

        var result = await Admin.UpsertProductAsync(created.Id, new ProductDetails("Renamed", "New text", TestCatalog.CategoryId, 12m, 9, 100));

        Assert.Equal(("Renamed", 12m, 9, 2L, created.CreatedAt), (result.Value!.Name, result.Value.Price, result.Value.Stock, result.Value.Version, result.Value.CreatedAt));
        Assert.Equal(result.Value, await Catalog.GetProductAsync(created.Id));
    }

    [Fact]
    public async Task RemoveProduct_TakesItOffTheCatalog_UntilUpsertedAgain()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, name: "Removable kettle " + Guid.NewGuid().ToString("N")[..6]);
        var search = new ProductQuery(product.Name, null, null, null, null, ProductSort.Relevance, 0, 10);

        var removed = await Admin.RemoveProductAsync(product.Id);
        var again = await Admin.RemoveProductAsync(product.Id);
        var whileRemoved = (await Catalog.GetProductAsync(product.Id), (await Catalog.SearchAsync(search)).TotalCount, (await Catalog.SearchAsync(search with { Search = null, CategoryId = TestCatalog.CategoryId, Limit = 100_000 })).Items.Any(p => p.Id == product.Id));
        var stillHeld = Assert.Single(await Catalog.GetProductsAsync([product.Id]));
        var added = await _grains.GetGrain<EShop.Carts.ICartGrain>(Guid.NewGuid()).AddAsync(product.Id, 1);
        var restored = await Admin.UpsertProductAsync(product.Id, new ProductDetails(product.Name, product.Description, product.CategoryId, product.Price, product.Stock, product.WeightGrams));

        Assert.True(removed.Value!.Removed);
        Assert.Equal(ErrorCodes.NotFound, Assert.Single(again.Errors).Code);
        Assert.Equal((null, 0, false), whileRemoved);
        Assert.True(stillHeld.Removed);
        Assert.Equal(ErrorCodes.NotFound, Assert.Single(added.Errors).Code);
        Assert.False(restored.Value!.Removed);
        Assert.Equal(1, (await Catalog.SearchAsync(search)).TotalCount);
    }

    [Fact]
    public async Task UpsertProduct_UnknownCategory_ReturnsNotFoundAndCreatesNothing()
    {
        var sku = TestCatalog.NewSku();

        var result = await Admin.UpsertProductAsync(sku, new ProductDetails("Ghost", "", "no-such-category", 1m, 1, 0));

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCodes.NotFound, error.Code);
        Assert.Equal(["input", "categoryId"], error.Field.ToArray());
        Assert.Null(await TestCatalog.ReadAsync(_grains, sku));
        Assert.Null(await Catalog.GetProductAsync(sku));
    }

    [Theory]
    [InlineData("bad sku!", "Name", 1, 1, "id")]
    [InlineData("ok-sku", "", 1, 1, "name")]
    [InlineData("ok-sku", "Name", -1, 1, "price")]
    [InlineData("ok-sku", "Name", 1.001, 1, "price")]
    [InlineData("ok-sku", "Name", 1, -1, "stock")]
    [InlineData("ok-sku", "Na\u0007me\u001b[2J", 1, 1, "name")]
    public async Task UpsertProduct_InvalidInput_ReturnsInvalidInputNamingTheField(string sku, string name, decimal price, int stock, string field)
    {
        var result = await Admin.UpsertProductAsync(sku, new ProductDetails(name, "", TestCatalog.CategoryId, price, stock, 0));

        var error = Assert.Single(result.Errors);
        Assert.Equal((ErrorCodes.InvalidInput, field), (error.Code, error.Field[^1]));
    }

    [Fact]
    public async Task SetPrice_ExistingProduct_ChangesPriceInGrainAndView()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, price: 10m);

        var result = await Admin.SetPriceAsync(product.Id, 12.34m);

        Assert.Equal(12.34m, result.Value!.Price);
        Assert.Equal(12.34m, (await TestCatalog.ReadAsync(_grains, product.Id))!.Price);
        Assert.Equal(12.34m, (await Catalog.GetProductAsync(product.Id))!.Price);
    }

    [Fact]
    public async Task SetPrice_UnknownProduct_ReturnsNotFound()
    {
        var result = await Admin.SetPriceAsync(TestCatalog.NewSku(), 5m);

        Assert.Equal(ErrorCodes.NotFound, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task SetDiscount_Percent_SetsSalePriceAndZeroRemovesIt()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, price: 80m);

        var discounted = await Admin.SetDiscountAsync(product.Id, 25m);
        var restored = await Admin.SetDiscountAsync(product.Id, 0m);

        Assert.Equal((80m, 60m), (discounted.Value!.Price, discounted.Value.SalePrice));
        Assert.Equal(80m, restored.Value!.SalePrice);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100)]
    [InlineData(99.999)]
    [InlineData(12.345)]
    public async Task SetDiscount_OutOfRangeOrFinerThanCents_ReturnsInvalidInputAndKeepsPrice(decimal percent)
    {
        var product = await TestCatalog.CreateProductAsync(_grains, price: 80m);

        var result = await Admin.SetDiscountAsync(product.Id, percent);

        Assert.Equal(ErrorCodes.InvalidInput, Assert.Single(result.Errors).Code);
        Assert.Equal(80m, (await TestCatalog.ReadAsync(_grains, product.Id))!.SalePrice);
    }

    [Fact]
    public async Task SetDiscount_ThatWouldSellForNothing_IsRefused_AndSoIsAPriceThatWouldUnderTheDiscount()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, price: 0.40m);

        var free = await Admin.SetDiscountAsync(product.Id, 99.99m);
        var kept = await Admin.SetDiscountAsync(product.Id, 60m);
        var repriced = await Admin.SetPriceAsync(product.Id, 0.01m);

        Assert.Equal((ErrorCodes.InvalidInput, "percent"), (Assert.Single(free.Errors).Code, free.Errors[0].Field[0]));
        Assert.Equal(0.16m, kept.Value!.SalePrice);
        Assert.Equal((ErrorCodes.InvalidInput, "price"), (Assert.Single(repriced.Errors).Code, repriced.Errors[0].Field[0]));
        Assert.Equal((0.40m, 0.16m), ((await TestCatalog.ReadAsync(_grains, product.Id))!.Price, (await TestCatalog.ReadAsync(_grains, product.Id))!.SalePrice));
    }

    [Fact]
    public async Task AdjustStock_PastTheLargestStock_IsRefusedInsteadOfWrapping()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 5);

        var result = await Admin.AdjustStockAsync(product.Id, int.MaxValue);

        Assert.Equal((ErrorCodes.InvalidInput, "delta"), (Assert.Single(result.Errors).Code, result.Errors[0].Field[0]));
        Assert.Equal(5, (await TestCatalog.ReadAsync(_grains, product.Id))!.Stock);
        Assert.Equal(int.MaxValue, (await Admin.AdjustStockAsync(product.Id, int.MaxValue - 5)).Value!.Stock);
    }

    [Fact]
    public async Task AdjustStock_Delta_AddsAndRemovesUnits()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 5);

        await Admin.AdjustStockAsync(product.Id, 10);
        var result = await Admin.AdjustStockAsync(product.Id, -15);

        Assert.Equal(0, result.Value!.Stock);
        Assert.Equal(0, (await Catalog.GetProductAsync(product.Id))!.Stock);
    }

    [Fact]
    public async Task AdjustStock_BelowZero_IsRefusedAndStockUnchanged()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 5);

        var result = await Admin.AdjustStockAsync(product.Id, -6);

        Assert.Equal((ErrorCodes.InvalidInput, "delta"), (Assert.Single(result.Errors).Code, result.Errors[0].Field[0]));
        var stored = (await TestCatalog.ReadAsync(_grains, product.Id))!;
        Assert.Equal((5, product.Version), (stored.Stock, stored.Version));
    }

    [Fact]
    public async Task UpsertCategory_ListsCategoriesByName()
    {
        var id = "cat-" + Guid.NewGuid().ToString("N")[..8];

        var result = await Admin.UpsertCategoryAsync(id, "  Aardvark supplies ");

        Assert.Equal(new Category(id, "Aardvark supplies"), result.Value);
        Assert.Contains(new Category(id, "Aardvark supplies"), await Catalog.GetCategoriesAsync());
    }

    [Fact]
    public async Task UpsertCategory_InvalidSlug_ReturnsInvalidInput()
    {
        var result = await Admin.UpsertCategoryAsync("not a slug", "Name");

        Assert.Equal((ErrorCodes.InvalidInput, "id"), (Assert.Single(result.Errors).Code, result.Errors[0].Field[0]));
    }
}
