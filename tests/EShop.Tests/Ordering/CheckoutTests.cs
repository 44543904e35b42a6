using EShop.Carts;
using EShop.Catalog;
using EShop.Ordering;
using EShop.Shared;
using EShop.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace EShop.Tests.Ordering;

[Collection(ClusterCollection.Name)]
public sealed class CheckoutTests(EShopClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Checkout_CartWithLines_PlacesOrderReservesStockAndClearsCart()
    {
        var kettle = await TestCatalog.CreateProductAsync(_grains, price: 30m, stock: 5, name: "Kettle");
        var mug = await TestCatalog.CreateProductAsync(_grains, price: 4.5m, stock: 10, name: "Mug");
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (kettle.Id, 1), (mug.Id, 4));

        var result = await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId));

        // 2.5 kg to Spain: the European zone's standard rate, 12.99 for the first half kilogram and 1.40 for each of four more.
        var order = result.Value!;
        Assert.Equal(
            (OrderStatus.PendingPayment, 48m, 18.59m, 66.59m, "USD", customerId),
            (order.Status, order.Subtotal, order.ShippingCost, order.Total, order.Currency, order.CustomerId));
        Assert.Equal([new OrderLine(kettle.Id, "Kettle", 1, 30m, 500), new OrderLine(mug.Id, "Mug", 4, 4.5m, 500)], order.Lines.ToArray());
        Assert.Equal(OrderTimeline.Placed, Assert.Single(order.Timeline).Type);
        // What checkout answered is what was committed (the saga may since have published it and moved it on).
        var stored = (await _grains.GetGrain<IOrderGrain>(order.Id).GetAsync())!;
        Json.AssertSame((order.Lines, order.Total, order.PlacedAt, order.Timeline[0]), (stored.Lines, stored.Total, stored.PlacedAt, stored.Timeline[0]));
        Assert.Equal((4, 6), ((await TestCatalog.ReadAsync(_grains, kettle.Id))!.Stock, (await TestCatalog.ReadAsync(_grains, mug.Id))!.Stock));
        Assert.Equal((4, 6), ((await _grains.Catalog().GetProductAsync(kettle.Id))!.Stock, (await _grains.Catalog().GetProductAsync(mug.Id))!.Stock));
        Assert.Empty((await _grains.Cart(customerId).GetAsync()).Lines);
        Assert.Equal([order.Id], (await _grains.History(customerId).GetPageAsync(0, 10)).OrderIds.ToArray());
    }

    // An aborted transaction leaves the cart grain's guess (PeekAsync) at a change that never committed; checkout must
    // order what the cart holds, not what the guess says, and must not refuse for a line only the guess has.
    [Theory]
    [InlineData(10)]
    [InlineData(0)]
    public async Task Checkout_CartGuessFromAnAbortedChange_OrdersTheCommittedCart(int stockOfTheAbortedLine)
    {
        var kept = await TestCatalog.CreateProductAsync(_grains, stock: 10);
        var aborted = await TestCatalog.CreateProductAsync(_grains, stock: 10);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (kept.Id, 1));
        var transactions = fixture.Cluster.Client.ServiceProvider.GetRequiredService<ITransactionClient>();
        await transactions.RunTransaction(TransactionOption.Create, async () =>
        {
            await _grains.Cart(customerId).AddAsync(aborted.Id, 2);
            return false;
        });
        await _grains.CatalogAdmin().AdjustStockAsync(aborted.Id, stockOfTheAbortedLine - 10);
        Assert.Equal(2, (await _grains.Cart(customerId).PeekAsync())!.Lines.Length);

        var order = (await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId))).Value!;

        Assert.Equal([kept.Id], order.Lines.Select(l => l.ProductId).ToArray());
        Assert.Equal((9, stockOfTheAbortedLine), ((await TestCatalog.ReadAsync(_grains, kept.Id))!.Stock, (await TestCatalog.ReadAsync(_grains, aborted.Id))!.Stock));
        Assert.Empty((await _grains.Cart(customerId).GetAsync()).Lines);
    }

    [Fact]
    public async Task Checkout_ExpressShipping_ChargesTheExpressRate()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, price: 10m);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 1));

        var result = await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId) with { ShippingSpeed = ShippingSpeed.Express });

        Assert.Equal((29.99m, 39.99m), (result.Value!.ShippingCost, result.Value.Total));
    }

    [Fact]
    public async Task Checkout_EmptyCart_ReturnsCartEmptyAndPlacesNothing()
    {
        var customerId = Guid.NewGuid();
        var request = Checkouts.Request(customerId);

        var result = await Checkouts.CheckoutAsync(_grains, request);

        Assert.Equal(ErrorCodes.CartEmpty, Assert.Single(result.Errors).Code);
        Assert.Null(await _grains.GetGrain<IOrderGrain>(OrderIds.ForCheckout(customerId, request.IdempotencyKey)).GetAsync());
        Assert.Equal(0, (await _grains.History(customerId).GetPageAsync(0, 10)).TotalCount);
    }

    [Fact]
    public async Task Checkout_OneLineOutOfStock_NamesItAndChangesNothingAnywhere()
    {
        var plenty = await TestCatalog.CreateProductAsync(_grains, stock: 10);
        var scarce = await TestCatalog.CreateProductAsync(_grains, stock: 3, name: "Scarce thing");
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (plenty.Id, 2), (scarce.Id, 3));
        await _grains.CatalogAdmin().AdjustStockAsync(scarce.Id, -2);
        var cartBefore = await _grains.Cart(customerId).GetAsync();
        var request = Checkouts.Request(customerId);

        var result = await Checkouts.CheckoutAsync(_grains, request);

        var error = Assert.Single(result.Errors);
        Assert.Equal((ErrorCodes.OutOfStock, true, true), (error.Code, error.Message.Contains(scarce.Id), error.Message.Contains("Scarce thing")));
        Assert.True(error.Field.IsEmpty);
        await AssertNothingChangedAsync(customerId, request, cartBefore, (plenty.Id, 10, plenty.Version), (scarce.Id, 1, scarce.Version + 1));
    }

    [Fact]
    public async Task Checkout_PriceChangedSinceAdded_FailsChangesNothingElseAndShowsTheNewPriceInTheCart()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, price: 10m, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 2));
        await _grains.CatalogAdmin().SetPriceAsync(product.Id, 12m);
        var request = Checkouts.Request(customerId);

        var result = await Checkouts.CheckoutAsync(_grains, request);

        var error = Assert.Single(result.Errors);
        Assert.Equal((ErrorCodes.PriceChanged, true), (error.Code, error.Message.Contains(product.Id)));
        await AssertNothingChangedAsync(customerId, request, new CartSnapshot([new CartLine(product.Id, 2, 12m)]), (product.Id, 5, product.Version + 1));

        var retried = await Checkouts.CheckoutAsync(_grains, request);
        Assert.Equal(24m, retried.Value!.Subtotal);
    }

    [Fact]
    public async Task Checkout_InvalidAddressOrPayment_ReturnsInvalidInputAndChangesNothing()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 1));
        var cartBefore = await _grains.Cart(customerId).GetAsync();
        var request = Checkouts.Request(customerId, address: Checkouts.Address with { Country = "Spain", City = "" }, payment: new PaymentDetails(PaymentMethod.Card, null, null));

        var result = await Checkouts.CheckoutAsync(_grains, request);

        Assert.Equal(
            [["input", "shippingAddress", "city"], ["input", "shippingAddress", "country"], ["input", "payment", "cardToken"]],
            result.Errors.Select(e => e.Field.ToArray()));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCodes.InvalidInput, e.Code));
        await AssertNothingChangedAsync(customerId, request, cartBefore, (product.Id, 5, product.Version));
    }

    [Fact]
    public async Task Checkout_ControlCharactersOrAnOversizedCardToken_AreInvalidInput()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 1));
        var request = Checkouts.Request(customerId,
            address: Checkouts.Address with { Name = "Ana\r\nX-Injected: 1", Line2 = "Piso 2\u0008" },
            payment: new PaymentDetails(PaymentMethod.Card, new string('t', 201), null));

        var result = await Checkouts.CheckoutAsync(_grains, request);

        Assert.Equal(
            [["input", "shippingAddress", "name"], ["input", "shippingAddress", "line2"], ["input", "payment", "cardToken"]],
            result.Errors.Select(e => e.Field.ToArray()));
        Assert.Equal(5, (await TestCatalog.ReadAsync(_grains, product.Id))!.Stock);
    }

    [Fact]
    public async Task Checkout_SameKeyAgain_ReturnsTheSameOrderAndChargesStockOnce()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 2));
        var request = Checkouts.Request(customerId);

        var first = await Checkouts.CheckoutAsync(_grains, request);
        await _grains.Cart(customerId).AddAsync(product.Id, 1);
        var second = await Checkouts.CheckoutAsync(_grains, request);

        // The same order, though the saga may have moved it on (paid) between the two answers.
        Assert.Equal((first.Value!.Id, first.Value.PlacedAt, first.Value.Total), (second.Value!.Id, second.Value.PlacedAt, second.Value.Total));
        Assert.Equal(1, (await _grains.History(customerId).GetPageAsync(0, 10)).TotalCount);
        Assert.Equal(3, (await TestCatalog.ReadAsync(_grains, product.Id))!.Stock);
        Assert.Equal(1, (await _grains.Cart(customerId).GetAsync()).ItemCount);
    }

    [Fact]
    public async Task Checkout_SameKeyFromTwoCustomers_PlacesTwoOrders()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 5);
        var first = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 1));
        var second = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 1));

        var a = await Checkouts.CheckoutAsync(_grains, Checkouts.Request(first, "shared-key"));
        var b = await Checkouts.CheckoutAsync(_grains, Checkouts.Request(second, "shared-key"));

        Assert.NotEqual(a.Value!.Id, b.Value!.Id);
        Assert.Equal(3, (await TestCatalog.ReadAsync(_grains, product.Id))!.Stock);
    }

    [Fact]
    public async Task History_SeveralOrders_ListsNewestFirstAndPages()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 10);
        var customerId = Guid.NewGuid();
        var placed = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            await _grains.Cart(customerId).AddAsync(product.Id, 1);
            placed.Add((await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId))).Value!.Id);
        }

        var firstPage = await _grains.History(customerId).GetPageAsync(0, 2);
        var secondPage = await _grains.History(customerId).GetPageAsync(2, 2);

        Assert.Equal([placed[2], placed[1]], firstPage.OrderIds.ToArray());
        Assert.Equal([placed[0]], secondPage.OrderIds.ToArray());
        Assert.Equal(3, firstPage.TotalCount);
    }

    private async Task AssertNothingChangedAsync(Guid customerId, CheckoutRequest request, CartSnapshot expectedCart, params (string Id, int Stock, long Version)[] products)
    {
        Assert.Equal(expectedCart.Lines.ToArray(), (await _grains.Cart(customerId).GetAsync()).Lines.ToArray());
        foreach (var (id, stock, version) in products)
        {
            var product = (await TestCatalog.ReadAsync(_grains, id))!;
            Assert.Equal((id, stock, version), (product.Id, product.Stock, product.Version));
        }

        Assert.Null(await _grains.GetGrain<IOrderGrain>(OrderIds.ForCheckout(customerId, request.IdempotencyKey)).GetAsync());
        Assert.Equal(0, (await _grains.History(customerId).GetPageAsync(0, 10)).TotalCount);
    }
}
