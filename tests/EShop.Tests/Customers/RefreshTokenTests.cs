using EShop.Customers;
using EShop.Tests.Shared;

namespace EShop.Tests.Customers;

[Collection(ClusterCollection.Name)]
public sealed class RefreshTokenTests(EShopClusterFixture fixture)
{
    private IRefreshTokenGrain NewToken() => fixture.Grains.GetGrain<IRefreshTokenGrain>(Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Redeem_IssuedToken_ReturnsCustomerOnlyOnce()
    {
        var token = NewToken();
        var customerId = Guid.NewGuid();
        await token.IssueAsync(customerId, DateTimeOffset.UtcNow.AddHours(1));

        Assert.Equal(customerId, await token.RedeemAsync());
        Assert.Null(await token.RedeemAsync());
    }

    [Fact]
    public async Task Redeem_ExpiredOrUnknownToken_ReturnsNull()
    {
        var expired = NewToken();
        await expired.IssueAsync(Guid.NewGuid(), DateTimeOffset.UtcNow.AddSeconds(-1));

        Assert.Null(await expired.RedeemAsync());
        Assert.Null(await NewToken().RedeemAsync());
    }
}
