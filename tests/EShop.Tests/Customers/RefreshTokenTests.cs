using EShop.Customers;
using EShop.Tests.Shared;

namespace EShop.Tests.Customers;

[Collection(ClusterCollection.Name)]
public sealed class RefreshTokenTests(EShopClusterFixture fixture)
{
    private IRefreshTokenGrain NewToken() => fixture.Grains.GetGrain<IRefreshTokenGrain>(Guid.NewGuid().ToString("N"));

    private async Task<(Guid Customer, Guid Session)> NewSessionAsync()
    {
        var (customer, session) = (Guid.NewGuid(), Guid.NewGuid());
        await fixture.Grains.GetGrain<ICustomerSessionsGrain>(customer).StartAsync(session);
        return (customer, session);
    }

    [Fact]
    public async Task Redeem_IssuedToken_ReturnsCustomerAndSessionOnlyOnce()
    {
        var token = NewToken();
        var (customer, session) = await NewSessionAsync();
        await token.IssueAsync(customer, session, DateTimeOffset.UtcNow.AddHours(1));

        Assert.Equal(new RefreshTokenOwner(customer, session), await token.RedeemAsync());
        Assert.Null(await token.RedeemAsync());
    }

    [Fact]
    public async Task Redeem_AUsedTokenAgain_RevokesItsSessionAndEveryTokenOfIt()
    {
        var (customer, session) = await NewSessionAsync();
        var (first, second) = (NewToken(), NewToken());
        await first.IssueAsync(customer, session, DateTimeOffset.UtcNow.AddHours(1));
        await first.RedeemAsync();
        await second.IssueAsync(customer, session, DateTimeOffset.UtcNow.AddHours(1));

        Assert.Null(await first.RedeemAsync());

        Assert.False(await fixture.Grains.GetGrain<ICustomerSessionsGrain>(customer).IsActiveAsync(session));
        Assert.Null(await second.RedeemAsync());
    }

    [Fact]
    public async Task Redeem_ExpiredOrUnknownToken_ReturnsNull()
    {
        var expired = NewToken();
        var (customer, session) = await NewSessionAsync();
        await expired.IssueAsync(customer, session, DateTimeOffset.UtcNow.AddSeconds(-1));

        Assert.Null(await expired.RedeemAsync());
        Assert.Null(await NewToken().RedeemAsync());
    }
}
