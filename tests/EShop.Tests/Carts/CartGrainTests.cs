using EShop.Carts;
using EShop.Shared;
using EShop.Tests.Shared;

namespace EShop.Tests.Carts;

[Collection(ClusterCollection.Name)]
public sealed class CartGrainTests(EShopClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private ICartGrain NewCart() => _grains.GetGrain<ICartGrain>(Guid.NewGuid());

    [Fact]
    public async Task Add_Product_RecordsSalePriceSeen()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, price: 40m);
        await _grains.GetGrain<EShop.Catalog.ICatalogAdminGrain>(0).SetDiscountAsync(product.Id, 10m);
        var cart = NewCart();

        var result = await cart.AddAsync(product.Id, 2);

        Assert.Equal([new CartLine(product.Id, 2, 36m)], result.Value!.Lines.ToArray());
        Assert.Equal((2, 72m), (result.Value.ItemCount, result.Value.Subtotal));
        Assert.Equal(result.Value.Lines.ToArray(), (await cart.GetAsync()).Lines.ToArray());
    }

    [Fact]
    public async Task Add_SameProductAgain_GrowsTheLine()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, price: 5m);
        var cart = NewCart();

        await cart.AddAsync(product.Id, 1);
        var result = await cart.AddAsync(product.Id, 3);

        Assert.Equal([new CartLine(product.Id, 4, 5m)], result.Value!.Lines.ToArray());
    }

    [Fact]
    public async Task SetQuantity_Zero_RemovesTheLine_AndPositiveSetsIt()
    {
        var first = await TestCatalog.CreateProductAsync(_grains);
        var second = await TestCatalog.CreateProductAsync(_grains);
        var cart = NewCart();
        await cart.AddAsync(first.Id, 1);
        await cart.AddAsync(second.Id, 1);

        await cart.SetQuantityAsync(first.Id, 0);
        var result = await cart.SetQuantityAsync(second.Id, 5);

        Assert.Equal([new CartLine(second.Id, 5, second.SalePrice)], result.Value!.Lines.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1000)]
    public async Task Add_QuantityOutOfRange_ReturnsInvalidInputAndKeepsCart(int quantity)
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 2000);
        var cart = NewCart();

        var result = await cart.AddAsync(product.Id, quantity);

        Assert.Equal((ErrorCodes.InvalidInput, "quantity"), (Assert.Single(result.Errors).Code, result.Errors[0].Field[0]));
        Assert.Empty((await cart.GetAsync()).Lines);
    }

    [Fact]
    public async Task SetQuantity_Negative_ReturnsInvalidInput()
    {
        var product = await TestCatalog.CreateProductAsync(_grains);

        var result = await NewCart().SetQuantityAsync(product.Id, -1);

        Assert.Equal(ErrorCodes.InvalidInput, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Add_UnknownProduct_ReturnsNotFound()
    {
        var result = await NewCart().AddAsync(TestCatalog.NewSku(), 1);

        Assert.Equal((ErrorCodes.NotFound, "productId"), (Assert.Single(result.Errors).Code, result.Errors[0].Field[0]));
    }

    [Fact]
    public async Task Add_MoreThanInStock_ReturnsOutOfStockAndKeepsCart()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 3);
        var cart = NewCart();
        await cart.AddAsync(product.Id, 2);

        var result = await cart.AddAsync(product.Id, 2);

        Assert.Equal(ErrorCodes.OutOfStock, Assert.Single(result.Errors).Code);
        Assert.Contains(product.Id, result.Errors[0].Message);
        Assert.Equal(2, (await cart.GetAsync()).ItemCount);
    }

    [Fact]
    public async Task Clear_EmptiesTheCart()
    {
        var product = await TestCatalog.CreateProductAsync(_grains);
        var cart = NewCart();
        await cart.AddAsync(product.Id, 1);

        await cart.ClearAsync();

        Assert.Empty((await cart.GetAsync()).Lines);
    }
}
