using EShop.Catalog;
using EShop.Catalog.Events;
using EShop.Favourites;
using EShop.Shared;
using EShop.Tests.Shared;
using Orleans.Runtime;

namespace EShop.Tests.Favourites;

[Collection(ClusterCollection.Name)]
public sealed class NotificationsTests(EShopClusterFixture fixture)
{
    private ICatalogAdminGrain Admin => fixture.Grains.GetGrain<ICatalogAdminGrain>(0);

    private INotificationInboxGrain Inbox(Guid customerId) => fixture.Grains.GetGrain<INotificationInboxGrain>(customerId);

    [Fact]
    public async Task PriceDrop_NotifiesEveryWatcherOnce_AndNobodyElse()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, price: 20m);
        var watchers = await WatchAsync(product.Id, 40);
        var bystander = Guid.NewGuid();

        await Admin.SetDiscountAsync(product.Id, 25m);

        foreach (var watcher in watchers)
        {
            var inbox = await Eventually.MatchesAsync(() => Inbox(watcher).GetAsync(20, unreadOnly: false), n => n.Length > 0);
            var notification = Assert.Single(inbox);
            Assert.Equal((NotificationKind.PriceDrop, product.Id, false, "The price dropped from 20.00 to 15.00."),
                (notification.Kind, notification.ProductId, notification.Read, notification.Detail));
        }

        await FannedOutAsync(product.Id);
        Assert.Empty(await Inbox(bystander).GetAsync(20, unreadOnly: false));
    }

    [Fact]
    public async Task ProductWatchers_AreActivatedByOffersAlone()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, price: 20m, stock: 5);
        var watchers = fixture.Grains.GetGrain<IProductWatchersGrain>(product.Id);
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);

        // A creation, a price rise and a sale are no offers: the history records them, the watchers never wake.
        await Admin.SetPriceAsync(product.Id, 25m);
        await Admin.AdjustStockAsync(product.Id, -1);
        await Eventually.MatchesAsync(() => fixture.Grains.GetGrain<IProductHistoryGrain>(product.Id).GetAsync(), h => h.Length == 3);
        Assert.Null(await management.GetActivationAddress(watchers));

        await Admin.SetPriceAsync(product.Id, 15m);
        await Eventually.MatchesAsync(() => management.GetActivationAddress(watchers).AsTask(), silo => silo is not null);
    }

    [Fact]
    public async Task PriceDrop_DeliveredTwice_MakesOneNotification()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, price: 20m);
        var watcher = Assert.Single(await WatchAsync(product.Id, 1));
        var dropped = new PriceChanged(product with { Price = 18m, Version = product.Version + 1 }, DateTimeOffset.UtcNow, 20m);
        var stream = fixture.Cluster.Client.GetStreamProvider(StreamNames.Provider)
            .GetStream<CatalogEvent>(StreamId.Create(StreamNames.CatalogOffers, product.Id));

        await stream.OnNextAsync(dropped);
        await stream.OnNextAsync(dropped);
        await stream.OnNextAsync(new PriceChanged(product with { Price = 19m, Version = product.Version + 2 }, DateTimeOffset.UtcNow, 18m));
        await Eventually.MatchesAsync(() => Inbox(watcher).GetAsync(20, false), n => n.Length > 0);
        var later = new PriceChanged(product with { Price = 17m, Version = product.Version + 3 }, DateTimeOffset.UtcNow, 19m);
        await stream.OnNextAsync(later);
        var inbox = await Eventually.MatchesAsync(() => Inbox(watcher).GetAsync(20, false), n => n.Length > 1);

        // The rise to 19 is no news; the drops to 18 and then 17 are one notification each.
        Assert.Equal([Notification.IdOf(NotificationKind.PriceDrop, product.Id, later.Version), Notification.IdOf(NotificationKind.PriceDrop, product.Id, dropped.Version)],
            inbox.Select(n => n.Id));
    }

    [Fact]
    public async Task BackInStock_NotifiesWatchers_AndARestockWithStockLeftDoesNot()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, stock: 1);
        var watcher = Assert.Single(await WatchAsync(product.Id, 1));

        await Admin.AdjustStockAsync(product.Id, 2);
        await Admin.AdjustStockAsync(product.Id, -3);
        await Admin.AdjustStockAsync(product.Id, 5);

        var inbox = await Eventually.MatchesAsync(() => Inbox(watcher).GetAsync(20, false), n => n.Length > 0);
        var notification = Assert.Single(inbox);
        Assert.Equal((NotificationKind.BackInStock, "Back in stock: 5 available."), (notification.Kind, notification.Detail));
    }

    [Fact]
    public async Task Unwatched_AfterRemoval_GetsNothing()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, price: 20m);
        var (stays, leaves) = (Guid.NewGuid(), Guid.NewGuid());
        await fixture.Grains.GetGrain<IFavouritesGrain>(stays).AddAsync(product.Id);
        await fixture.Grains.GetGrain<IFavouritesGrain>(leaves).AddAsync(product.Id);
        await fixture.Grains.GetGrain<IFavouritesGrain>(leaves).RemoveAsync(product.Id);

        await Admin.SetPriceAsync(product.Id, 15m);
        await Eventually.MatchesAsync(() => Inbox(stays).GetAsync(20, false), n => n.Length > 0);
        await FannedOutAsync(product.Id);

        Assert.Empty(await Inbox(leaves).GetAsync(20, false));
    }

    [Fact]
    public async Task Inbox_KeepsTheNewest200_AndMarksReadOnlyWhatItHolds()
    {
        var inbox = Inbox(Guid.NewGuid());
        var start = DateTimeOffset.UtcNow;
        for (var i = 0; i < INotificationInboxGrain.Capacity + 5; i++)
        {
            Assert.True(await inbox.DeliverAsync(new Notification($"n{i}", NotificationKind.PriceDrop, "p", start.AddSeconds(i), false, null)));
        }

        var repeated = await inbox.DeliverAsync(new Notification("n204", NotificationKind.PriceDrop, "p", start.AddSeconds(204), false, null));
        var tooOld = await inbox.DeliverAsync(new Notification("old", NotificationKind.PriceDrop, "p", start.AddSeconds(-1), false, null));
        var marked = await inbox.MarkReadAsync(["n204", "n3", "n100"]);
        var all = await inbox.GetAsync(INotificationInboxGrain.Capacity, unreadOnly: false);
        var unread = await inbox.GetAsync(INotificationInboxGrain.Capacity, unreadOnly: true);

        Assert.Equal((false, false), (repeated, tooOld));
        Assert.Equal((INotificationInboxGrain.Capacity, "n204", "n5"), (all.Length, all[0].Id, all[^1].Id));
        Assert.Equal(["n204", "n100"], marked.Select(n => n.Id));
        Assert.All(marked, n => Assert.True(n.Read));
        Assert.Equal(INotificationInboxGrain.Capacity - 2, unread.Length);
    }

    // The product's watchers grain takes a call only after its fan-out: every partition has delivered by then.
    private Task FannedOutAsync(string productId) => fixture.Grains.GetGrain<IProductWatchersGrain>(productId).CountAsync();

    [Fact]
    public async Task PriceDrop_OfARemovedProduct_IsNoNews()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, price: 20m);
        var watcher = Assert.Single(await WatchAsync(product.Id, 1));
        await Admin.RemoveProductAsync(product.Id);

        await Admin.SetPriceAsync(product.Id, 10m);
        await FannedOutAsync(product.Id);

        Assert.Empty(await Inbox(watcher).GetAsync(20, false));
    }

    private async Task<List<Guid>> WatchAsync(string productId, int customers)
    {
        var watchers = Enumerable.Range(0, customers).Select(_ => Guid.NewGuid()).ToList();
        await Task.WhenAll(watchers.Select(c => fixture.Grains.GetGrain<IFavouritesGrain>(c).AddAsync(productId)));
        return watchers;
    }
}
