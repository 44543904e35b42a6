using System.Text.Json;
using EShop.Catalog;
using EShop.Favourites;
using EShop.Tests.Shared;

namespace EShop.Tests.Favourites;

// Favourites, notifications and recommendations through the gateway, with orders placed and prices dropped through the
// API as a storefront and an admin do.
[Collection(GatewayCollection.Name)]
public sealed class FavouritesGraphQLTests(GatewayFixture fixture)
{
    private const string AddFavourite = "mutation($id: ID!) { addFavourite(productId: $id) { id name } }";
    private const string Notifications = "query($unread: Boolean) { notifications(unreadOnly: $unread) { id kind product { id salePrice { amount } } at read detail } }";

    [Fact]
    public async Task Favourites_AddRemoveAndList_NewestFirst()
    {
        var (lamp, rug) = (await TestCatalog.CreateProductAsync(fixture.Grains), await TestCatalog.CreateProductAsync(fixture.Grains));
        var shopper = await fixture.SignUpAsync();

        await shopper.DataAsync(AddFavourite, new { id = lamp.Id });
        var added = await shopper.DataAsync(AddFavourite, new { id = rug.Id });
        var repeated = await shopper.DataAsync(AddFavourite, new { id = rug.Id });
        var removed = await shopper.DataAsync("mutation($id: ID!) { removeFavourite(productId: $id) { id } }", new { id = lamp.Id });
        var listed = await shopper.DataAsync("{ favourites { id name } }");

        Assert.Equal([rug.Id, lamp.Id], Ids(added.GetProperty("addFavourite")));
        Assert.Equal([rug.Id, lamp.Id], Ids(repeated.GetProperty("addFavourite")));
        Assert.Equal([rug.Id], Ids(removed.GetProperty("removeFavourite")));
        Assert.Equal([rug.Id], Ids(listed.GetProperty("favourites")));
    }

    [Fact]
    public async Task Favourites_AProductRemovedByAnAdmin_LeavesTheList_AndComesBackWithIt()
    {
        var (kept, removed) = (await TestCatalog.CreateProductAsync(fixture.Grains), await TestCatalog.CreateProductAsync(fixture.Grains));
        var (shopper, admin) = (await fixture.SignUpAsync(), await fixture.SignInAdminAsync());
        await shopper.DataAsync(AddFavourite, new { id = removed.Id });
        await shopper.DataAsync(AddFavourite, new { id = kept.Id });

        await admin.DataAsync("mutation($id: ID!) { removeProduct(productId: $id) { userErrors { code } } }", new { id = removed.Id });
        var whileRemoved = await shopper.DataAsync("{ favourites { id } }");
        var refused = await shopper.ErrorCodeAsync(AddFavourite, new { id = removed.Id });
        await admin.DataAsync(
            "mutation($input: ProductInput!) { upsertProduct(input: $input) { userErrors { code } } }",
            new { input = new { id = removed.Id, name = removed.Name, description = removed.Description, categoryId = removed.CategoryId, price = removed.Price, stock = removed.Stock } });
        var restored = await shopper.DataAsync("{ favourites { id } }");

        Assert.Equal([kept.Id], Ids(whileRemoved.GetProperty("favourites")));
        Assert.Equal("NOT_FOUND", refused);
        Assert.Equal([kept.Id, removed.Id], Ids(restored.GetProperty("favourites")));
    }

    [Fact]
    public async Task AddFavourite_UnknownProduct_IsNotFound()
    {
        var shopper = await fixture.SignUpAsync();

        Assert.Equal("NOT_FOUND", await shopper.ErrorCodeAsync(AddFavourite, new { id = "sku-nobody-made" }));
    }

    [Fact]
    public async Task AddFavourite_The501st_IsLimitExceeded()
    {
        var products = await TestCatalog.ImportAsync(fixture.Grains, IFavouritesGrain.Capacity + 1);
        var shopper = await fixture.SignUpAsync();
        var customerId = Guid.Parse((await shopper.DataAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString()!);
        foreach (var product in products[..IFavouritesGrain.Capacity])
        {
            Assert.True((await fixture.Grains.GetGrain<IFavouritesGrain>(customerId).AddAsync(product.ProductId)).Succeeded);
        }

        Assert.Equal("LIMIT_EXCEEDED", await shopper.ErrorCodeAsync(AddFavourite, new { id = products[^1].ProductId }));
        Assert.Equal(IFavouritesGrain.Capacity, (await shopper.DataAsync("{ favourites { id } }")).GetProperty("favourites").GetArrayLength());
    }

    [Fact]
    public async Task Notifications_OfAProductRemovedSince_AreLeftOut()
    {
        var (kept, removed) = (await TestCatalog.CreateProductAsync(fixture.Grains, price: 20m), await TestCatalog.CreateProductAsync(fixture.Grains, price: 20m));
        var (shopper, admin) = (await fixture.SignUpAsync(), await fixture.SignInAdminAsync());
        await shopper.DataAsync(AddFavourite, new { id = kept.Id });
        await shopper.DataAsync(AddFavourite, new { id = removed.Id });
        await admin.DataAsync("mutation($a: ID!, $b: ID!) { a: setPrice(productId: $a, price: 15) { userErrors { code } } b: setPrice(productId: $b, price: 15) { userErrors { code } } }", new { a = kept.Id, b = removed.Id });
        var before = await Eventually.MatchesAsync(async () => (await shopper.DataAsync(Notifications, new { unread = false })).GetProperty("notifications"), n => n.GetArrayLength() == 2);
        Assert.Equal(2, before.GetArrayLength());

        await admin.DataAsync("mutation($id: ID!) { removeProduct(productId: $id) { userErrors { code } } }", new { id = removed.Id });
        var listed = (await shopper.DataAsync(Notifications, new { unread = false })).GetProperty("notifications");

        Assert.Equal([kept.Id], listed.EnumerateArray().Select(n => n.GetProperty("product").GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("{ favourites { id } }")]
    [InlineData("mutation { addFavourite(productId: \"x\") { id } }")]
    [InlineData("mutation { removeFavourite(productId: \"x\") { id } }")]
    [InlineData("{ notifications { id } }")]
    [InlineData("mutation { markNotificationsRead(ids: [\"x\"]) { id } }")]
    [InlineData("{ recommendedForMe { id } }")]
    public async Task CustomerFields_Anonymous_AreUnauthenticated(string operation) =>
        Assert.Equal("UNAUTHENTICATED", await fixture.Anonymous.ErrorCodeAsync(operation));

    [Fact]
    public async Task PriceDropByAnAdmin_NotifiesTheCustomer_WhoMarksItRead()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, price: 40m);
        var (shopper, admin) = (await fixture.SignUpAsync(), await fixture.SignInAdminAsync());
        await shopper.DataAsync(AddFavourite, new { id = product.Id });

        await admin.DataAsync("mutation($id: ID!) { setDiscount(productId: $id, percent: 10) { userErrors { code } } }", new { id = product.Id });
        var notification = (await Eventually.MatchesAsync(
            async () => (await shopper.DataAsync(Notifications, new { unread = true })).GetProperty("notifications"),
            n => n.GetArrayLength() > 0))[0];
        var marked = await shopper.DataAsync("mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id read } }",
            new { ids = new[] { notification.GetProperty("id").GetString(), "not-a-notification" } });
        var unread = await shopper.DataAsync(Notifications, new { unread = true });
        var all = await shopper.DataAsync(Notifications, new { unread = false });

        Assert.Equal(("PRICE_DROP", product.Id, 36m, false, "The price dropped from 40.00 to 36.00."),
            (notification.GetProperty("kind").GetString(), notification.GetProperty("product").GetProperty("id").GetString(),
             notification.GetProperty("product").GetProperty("salePrice").GetProperty("amount").GetDecimal(),
             notification.GetProperty("read").GetBoolean(), notification.GetProperty("detail").GetString()));
        var markedOne = Assert.Single(marked.GetProperty("markNotificationsRead").EnumerateArray());
        Assert.True(markedOne.GetProperty("read").GetBoolean());
        Assert.Equal(0, unread.GetProperty("notifications").GetArrayLength());
        Assert.True(Assert.Single(all.GetProperty("notifications").EnumerateArray()).GetProperty("read").GetBoolean());
    }

    [Fact]
    public async Task NotificationAdded_TheCustomerSeesTheirOwnAsTheyArrive()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, price: 40m, stock: 1);
        var (shopper, other, admin) = (await fixture.SignUpAsync(), await fixture.SignUpAsync(), await fixture.SignInAdminAsync());
        await shopper.DataAsync(AddFavourite, new { id = product.Id });
        await other.DataAsync(AddFavourite, new { id = product.Id });
        var customerId = (await shopper.DataAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString()!;
        await using var socket = await fixture.ConnectWebSocketAsync();
        await socket.InitAsync(shopper.AccessToken);
        await socket.SubscribeAsync("n", "subscription { notificationAdded { id kind product { id } detail } }");

        // A subscription is live once its relay has subscribed on the inbox: until the first probe comes through, more go in.
        // Then the other customer gets a notification of their own, which must not come here.
        var live = await ReceiveWhileProbingAsync(socket, Guid.Parse(customerId), product.Id);
        var otherId = Guid.Parse((await other.DataAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString()!);
        await fixture.Grains.GetGrain<INotificationInboxGrain>(otherId).DeliverAsync(
            new Notification("not-yours", NotificationKind.PriceDrop, product.Id, DateTimeOffset.UtcNow, false, "someone else's"));
        await admin.DataAsync("mutation($id: ID!) { adjustStock(productId: $id, delta: -1) { userErrors { code } } }", new { id = product.Id });
        await admin.DataAsync("mutation($id: ID!) { adjustStock(productId: $id, delta: 3) { userErrors { code } } }", new { id = product.Id });
        JsonElement news;
        var received = new List<string>();
        do
        {
            news = (await socket.ReceiveAsync()).GetProperty("payload").GetProperty("data").GetProperty("notificationAdded");
            received.Add(news.GetProperty("id").GetString()!);
        }
        while (news.GetProperty("kind").GetString() != "BACK_IN_STOCK");

        Assert.DoesNotContain("not-yours", received);
        Assert.StartsWith("PriceDrop:", live);
        Assert.Equal((product.Id, "Back in stock: 3 available."), (news.GetProperty("product").GetProperty("id").GetString(), news.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task NotificationAdded_Anonymous_IsUnauthenticated()
    {
        await using var socket = await fixture.ConnectWebSocketAsync();
        await socket.InitAsync();

        await socket.SubscribeAsync("n", "subscription { notificationAdded { id } }");
        var error = await socket.ReceiveAsync();

        Assert.Equal(("error", "n", "UNAUTHENTICATED"),
            (error.GetProperty("type").GetString(), error.GetProperty("id").GetString(), error.GetProperty("payload")[0].GetProperty("extensions").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Recommendations_AfterCustomersBuyTogether_NameWhatWasBoughtWithIt()
    {
        var (lamp, shade, bulb) = (await TestCatalog.CreateProductAsync(fixture.Grains, stock: 20), await TestCatalog.CreateProductAsync(fixture.Grains, stock: 20), await TestCatalog.CreateProductAsync(fixture.Grains, stock: 20));
        foreach (var partners in new[] { new[] { shade.Id }, [shade.Id, bulb.Id], [bulb.Id] })
        {
            var shopper = await fixture.SignUpAsync();
            foreach (var partner in partners)
            {
                await shopper.DataAsync("mutation($id: ID!) { addToCart(productId: $id, quantity: 1) { userErrors { code } } }", new { id = partner });
            }

            await StorefrontOrders.PlaceAsync(shopper, lamp.Id);
        }

        var buyer = await fixture.SignUpAsync();
        await StorefrontOrders.PlaceAsync(buyer, shade.Id);
        var expected = string.CompareOrdinal(shade.Id, bulb.Id) < 0 ? new[] { shade.Id, bulb.Id } : [bulb.Id, shade.Id];
        var recommended = await Eventually.MatchesAsync(
            async () => Ids((await fixture.Anonymous.DataAsync("query($id: ID!) { recommendations(productId: $id, first: 2) { id } }", new { id = lamp.Id })).GetProperty("recommendations")),
            ids => ids.SequenceEqual(expected));
        var forBuyer = await Eventually.MatchesAsync(
            async () => Ids((await buyer.DataAsync("{ recommendedForMe(first: 1) { id } }")).GetProperty("recommendedForMe")),
            ids => ids.SequenceEqual([lamp.Id]));

        var rebuilt = await (await fixture.SignInAdminAsync()).DataAsync("mutation { rebuildRecommendations }");
        var afterRebuild = Ids((await fixture.Anonymous.DataAsync("query($id: ID!) { recommendations(productId: $id, first: 2) { id } }", new { id = lamp.Id })).GetProperty("recommendations"));

        Assert.Equal(expected, recommended);
        Assert.Equal([lamp.Id], forBuyer);
        Assert.True(rebuilt.GetProperty("rebuildRecommendations").GetInt32() >= 4);
        Assert.Equal(expected, afterRebuild);
        Assert.Equal("NOT_FOUND", await fixture.Anonymous.ErrorCodeAsync("{ recommendations(productId: \"sku-nobody-made\") { id } }"));
        Assert.Equal("BAD_USER_INPUT", await fixture.Anonymous.ErrorCodeAsync("query($id: ID!) { recommendations(productId: $id, first: 21) { id } }", new { id = lamp.Id }));
    }

    private async Task<string> ReceiveWhileProbingAsync(GraphQLWebSocketClient socket, Guid customerId, string productId)
    {
        using var stop = new CancellationTokenSource();
        var inbox = fixture.Grains.GetGrain<INotificationInboxGrain>(customerId);
        var probing = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await inbox.DeliverAsync(new Notification(Notification.IdOf(NotificationKind.PriceDrop, productId, 1_000_000 + i), NotificationKind.PriceDrop, productId, DateTimeOffset.UtcNow, false, "probe"));
                await Task.Delay(100);
            }
        });
        var first = await socket.ReceiveAsync();
        await stop.CancelAsync();
        await probing;
        return first.GetProperty("payload").GetProperty("data").GetProperty("notificationAdded").GetProperty("id").GetString()!;
    }

    private static List<string> Ids(JsonElement products) => [.. products.EnumerateArray().Select(p => p.GetProperty("id").GetString()!)];
}
