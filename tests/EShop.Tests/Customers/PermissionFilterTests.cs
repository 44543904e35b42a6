using EShop.Catalog;
using EShop.Customers;
using EShop.Payments;
using EShop.Tests.Shared;

namespace EShop.Tests.Customers;

// The grains check permissions again (the gateway is not the only line): a staff method refuses a call that does not
// carry its permission, whoever makes it.
[Collection(ClusterCollection.Name)]
public sealed class PermissionFilterTests(EShopClusterFixture fixture)
{
    [Fact]
    public async Task StaffMethods_RefuseACallWithoutTheirPermission_AndServeOneWithIt()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, stock: 5);
        var admin = fixture.Grains.GetGrain<ICatalogAdminGrain>(0);

        // A support agent's permission: reading orders, not writing the catalog or issuing gift cards.
        StaffContext.Grant(Permissions.OrdersReadAny);
        var stock = await Assert.ThrowsAnyAsync<Exception>(() => admin.AdjustStockAsync(product.Id, 1));
        var card = await Assert.ThrowsAnyAsync<Exception>(() => fixture.Grains.GetGrain<IGiftCardGrain>(Guid.NewGuid().ToString("N")).IssueAsync(10m));
        var role = await Assert.ThrowsAnyAsync<Exception>(() => fixture.Grains.GetGrain<ICustomerGrain>(Guid.NewGuid()).GrantRoleAsync(Role.Admin));

        StaffContext.Grant(Permissions.CatalogWrite);
        var allowed = await admin.AdjustStockAsync(product.Id, 1);

        Assert.Contains("needs the permission catalog:write", stock.Message);
        Assert.Contains("needs the permission giftcards:issue", card.Message);
        Assert.Contains("needs the permission roles:grant", role.Message);
        Assert.Equal(6, allowed.Value!.Stock);
    }
}
