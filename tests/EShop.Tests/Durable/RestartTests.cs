using EShop.Carts;
using EShop.Catalog;
using EShop.Customers;
using EShop.Ordering;
using EShop.Tests.Ordering;
using EShop.Tests.Shared;

namespace EShop.Tests.Durable;

[Collection(DurableCollection.Name), Trait("Category", "Integration")]
public sealed class RestartTests
{
    [Fact]
    public async Task StopEverythingAndStartAgain_OrdersCartsCustomersAndStockAreAsTheyWere()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        await cluster.StartSiloAsync();
        var grains = await cluster.ConnectClientAsync();
        var kettle = await TestCatalog.CreateProductAsync(grains, price: 30m, stock: 10, name: "Kettle");
        var mug = await TestCatalog.CreateProductAsync(grains, price: 4m, stock: 10, name: "Mug");
        var signUp = await grains.GetGrain<IAccountsGrain>(0).SignUpAsync(new SignUp($"restart-{Guid.NewGuid():N}@example.com", "password-1", "Ana"));
        var customerId = signUp.Value!.Id;
        await grains.GetGrain<ICartGrain>(customerId).AddAsync(kettle.Id, 2);
        var placed = (await Checkouts.CheckoutAsync(grains, Checkouts.Request(customerId))).Value!;
        await grains.GetGrain<ICartGrain>(customerId).AddAsync(mug.Id, 3);

        // Once the saga has paid it and published its events, the order has nothing left to change before the stop.
        var order = await Orders.WaitForAsync(grains, placed.Id, o => o.Status == OrderStatus.Paid && o.Outbox.IsEmpty);

        await cluster.Silos[0].StopAsync();
        await cluster.StartSiloAsync();
        var after = await cluster.ConnectClientAsync();

        Json.AssertSame(order, await after.GetGrain<IOrderGrain>(order.Id).GetAsync());
        Assert.Equal([order.Id], (await after.GetGrain<ICustomerOrdersGrain>(customerId).GetPageAsync(0, 10)).OrderIds.ToArray());
        Assert.Equal([new CartLine(mug.Id, 3, 4m)], (await after.GetGrain<ICartGrain>(customerId).GetAsync()).Lines.ToArray());
        Json.AssertSame(signUp.Value, (await after.GetGrain<IAccountsGrain>(0).SignInAsync(signUp.Value.Email, "password-1")).Value);
        Assert.Equal((8, 10), ((await TestCatalog.ReadAsync(after, kettle.Id))!.Stock, (await TestCatalog.ReadAsync(after, mug.Id))!.Stock));
        Assert.Equal(8, (await after.GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetProductAsync(kettle.Id))!.Stock);
    }
}
