using EShop.Customers;
using EShop.Ordering;
using EShop.Shared;
using EShop.Tests.Shared;

namespace EShop.Tests.Customers;

[Collection(ClusterCollection.Name)]
public sealed class AddressBookTests(EShopClusterFixture fixture)
{
    private static readonly Address Home = new("Ana García", "Calle Mayor 1", null, "Madrid", "28013", "ES");
    private static readonly Address Work = new("Ana García", " Gran Vía 2 ", "Planta 3", "Madrid", "28013", "es");

    private async Task<ICustomerGrain> NewCustomerAsync()
    {
        var signedUp = await fixture.Grains.GetGrain<IAccountsGrain>(0).SignUpAsync(new SignUp($"book-{Guid.NewGuid():N}@example.com", "password-1", "Ana"));
        return fixture.Grains.GetGrain<ICustomerGrain>(signedUp.Value!.Id);
    }

    [Fact]
    public async Task TheFirstAddressIsTheDefault_AnotherMayTakeItOver_AndRemovingTheDefaultHandsItOn()
    {
        var customer = await NewCustomerAsync();

        var home = (await customer.SaveAddressAsync(null, Home, makeDefault: false)).Value!.Addresses.Single();
        var both = (await customer.SaveAddressAsync(null, Work, makeDefault: true)).Value!.Addresses;
        var afterRemoval = (await customer.RemoveAddressAsync(both[1].Id)).Value!.Addresses;

        Assert.True(home.IsDefault);
        Assert.Equal([false, true], both.Select(a => a.IsDefault));
        Assert.Equal(("Gran Vía 2", "ES"), (both[1].Address.Line1, both[1].Address.Country));
        Assert.Equal([(home.Id, true)], afterRemoval.Select(a => (a.Id, a.IsDefault)));
    }

    [Fact]
    public async Task Update_ReplacesTheAddressAndKeepsItsDefault_AndAnIdOfAnotherBookIsNotFound()
    {
        var (customer, other) = (await NewCustomerAsync(), await NewCustomerAsync());
        var home = (await customer.SaveAddressAsync(null, Home, makeDefault: false)).Value!.Addresses.Single();

        var updated = await customer.SaveAddressAsync(home.Id, Home with { Line1 = "Calle Mayor 5" }, makeDefault: false);
        var foreign = await other.SaveAddressAsync(home.Id, Work, makeDefault: false);
        var foreignRemoval = await other.RemoveAddressAsync(home.Id);

        Assert.Equal(("Calle Mayor 5", true), (updated.Value!.Addresses.Single().Address.Line1, updated.Value.Addresses.Single().IsDefault));
        Assert.Equal(ErrorCodes.NotFound, foreign.Errors[0].Code);
        Assert.Equal(ErrorCodes.NotFound, Assert.Single(foreignRemoval.Errors).Code);
        Assert.Equal("Calle Mayor 5", (await customer.GetAsync())!.Addresses.Single().Address.Line1);
    }

    [Fact]
    public async Task InvalidAddresses_AndMoreThanTheBookHolds_AreRefused()
    {
        var customer = await NewCustomerAsync();

        var invalid = await customer.SaveAddressAsync(null, Home with { Country = "Spain", City = "Ma\u0000drid", PostalCode = "<b>280</b>" }, makeDefault: false);
        for (var i = 0; i < ICustomerGrain.MaxAddresses; i++)
        {
            Assert.True((await customer.SaveAddressAsync(null, Home with { Line1 = $"Calle {i}" }, makeDefault: false)).Succeeded);
        }

        var tooMany = await customer.SaveAddressAsync(null, Home, makeDefault: false);

        Assert.Equal([["input", "city"], ["input", "postalCode"], ["input", "country"]], invalid.Errors.Select(e => e.Field.ToArray()));
        Assert.Equal(ErrorCodes.InvalidInput, Assert.Single(tooMany.Errors).Code);
        Assert.Equal(ICustomerGrain.MaxAddresses, (await customer.GetAsync())!.Addresses.Length);
    }
}
