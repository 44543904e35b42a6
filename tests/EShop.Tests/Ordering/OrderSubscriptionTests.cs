using System.Text.Json;
using EShop.Tests.Shared;

namespace EShop.Tests.Ordering;

// Subscription.orderUpdated over the gateway's WebSocket, with orders placed through the API as a storefront does.
[Collection(GatewayCollection.Name)]
public sealed class OrderSubscriptionTests(GatewayFixture fixture)
{
    private const string OrderUpdated = "subscription($id: ID!) { orderUpdated(orderId: $id) { id status timeline { type } } }";

    [Fact]
    public async Task OrderUpdated_Owner_GetsTheOrderThenItsCancellation_UntilTheyComplete()
    {
        var (owner, orderId) = await PlaceOrderAsync();
        await using var socket = await fixture.ConnectWebSocketAsync();
        await socket.InitAsync(owner.AccessToken);

        await socket.SubscribeAsync("1", OrderUpdated, new { id = orderId });
        var first = await socket.ReceiveAsync();
        var cancel = await owner.DataAsync("mutation($id: ID!) { cancelOrder(orderId: $id) { order { status } userErrors { code } } }", new { id = orderId });
        var cancelled = await ReceiveOrderUntilAsync(socket, "1", o => o.GetProperty("status").GetString() == "CANCELLED");
        await socket.SendAsync(new { id = "1", type = "complete" });

        // Completing released the id: the server takes a new subscribe under it (a live one would close the socket
        // with 4409), which starts again from the order as it is now.
        await socket.SubscribeAsync("1", OrderUpdated, new { id = orderId });
        var again = await socket.ReceiveAsync();

        Assert.Equal(("next", "1", orderId), (first.GetProperty("type").GetString(), first.GetProperty("id").GetString(), Order(first).GetProperty("id").GetString()));
        Assert.Equal("CANCELLED", cancel.GetProperty("cancelOrder").GetProperty("order").GetProperty("status").GetString());
        // The saga may have taken the payment before the cancellation (ORDER_PAID), which then refunds it.
        var timeline = cancelled.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal("ORDER_PLACED", timeline[0]);
        Assert.Contains("ORDER_CANCELLED", timeline);
        Assert.Equal(("next", "1", "CANCELLED"), (again.GetProperty("type").GetString(), again.GetProperty("id").GetString(), Order(again).GetProperty("status").GetString()));
    }

    [Fact]
    public async Task OrderUpdated_Owner_SeesTheOrderPaidShippedAndDelivered()
    {
        var (owner, orderId) = await PlaceOrderAsync();
        var admin = await fixture.SignInAdminAsync();
        await using var socket = await fixture.ConnectWebSocketAsync();
        await socket.InitAsync(owner.AccessToken);

        await socket.SubscribeAsync("1", OrderUpdated, new { id = orderId });
        var paid = await ReceiveOrderUntilAsync(socket, "1", o => o.GetProperty("status").GetString() == "PAID");
        var tn = (await StorefrontOrders.WaitForAsync(owner, orderId, StorefrontOrders.HasShipment)).GetProperty("shipment").GetProperty("trackingNumber").GetString();
        await admin.DataAsync("mutation($tn: String!) { advanceShipment(trackingNumber: $tn, status: PICKED_UP) { status } }", new { tn });
        var shipped = await ReceiveOrderUntilAsync(socket, "1", o => o.GetProperty("status").GetString() == "SHIPPED");
        await admin.DataAsync("mutation($tn: String!) { advanceShipment(trackingNumber: $tn, status: DELIVERED) { status } }", new { tn });
        var delivered = await ReceiveOrderUntilAsync(socket, "1", o => o.GetProperty("status").GetString() == "DELIVERED");

        Assert.Equal(["ORDER_PLACED", "ORDER_PAID"], Types(paid));
        Assert.Equal(["ORDER_PLACED", "ORDER_PAID", "ORDER_SHIPPED"], Types(shipped));
        Assert.Equal(["ORDER_PLACED", "ORDER_PAID", "ORDER_SHIPPED", "ORDER_DELIVERED"], Types(delivered));
    }

    [Fact]
    public async Task OrderUpdated_Admin_FollowsAnyOrder()
    {
        var (_, orderId) = await PlaceOrderAsync();
        var admin = await fixture.SignInAdminAsync();
        await using var socket = await fixture.ConnectWebSocketAsync();
        await socket.InitAsync(admin.AccessToken);

        await socket.SubscribeAsync("a", OrderUpdated, new { id = orderId });
        var first = await socket.ReceiveAsync();

        Assert.Equal(("next", "a", orderId), (first.GetProperty("type").GetString(), first.GetProperty("id").GetString(), Order(first).GetProperty("id").GetString()));
    }

    [Fact]
    public async Task OrderUpdated_AnotherCustomer_GetsForbiddenAndNoData()
    {
        var (_, orderId) = await PlaceOrderAsync();
        var stranger = await fixture.SignUpAsync();
        await using var socket = await fixture.ConnectWebSocketAsync();
        await socket.InitAsync(stranger.AccessToken);

        var (error, after) = await SubscribeAndPingAsync(socket, orderId);

        Assert.Equal(("error", "1", "FORBIDDEN"), (error.GetProperty("type").GetString(), error.GetProperty("id").GetString(), Code(error)));
        Assert.Equal("pong", after.GetProperty("type").GetString());
    }

    [Fact]
    public async Task OrderUpdated_Anonymous_GetsUnauthenticated()
    {
        var (_, orderId) = await PlaceOrderAsync();
        await using var socket = await fixture.ConnectWebSocketAsync();
        await socket.InitAsync();

        var (error, after) = await SubscribeAndPingAsync(socket, orderId);

        Assert.Equal(("error", "UNAUTHENTICATED"), (error.GetProperty("type").GetString(), Code(error)));
        Assert.Equal("pong", after.GetProperty("type").GetString());
    }

    [Fact]
    public async Task OrderUpdated_UnknownOrder_GetsNotFound()
    {
        var shopper = await fixture.SignUpAsync();
        await using var socket = await fixture.ConnectWebSocketAsync();
        await socket.InitAsync(shopper.AccessToken);

        var (error, after) = await SubscribeAndPingAsync(socket, Guid.NewGuid().ToString());

        Assert.Equal(("error", "NOT_FOUND"), (error.GetProperty("type").GetString(), Code(error)));
        Assert.Equal("pong", after.GetProperty("type").GetString());
    }

    [Fact]
    public async Task OrderUpdated_SameIdWhileLive_ClosesWith4409()
    {
        var (owner, orderId) = await PlaceOrderAsync();
        await using var socket = await fixture.ConnectWebSocketAsync();
        await socket.InitAsync(owner.AccessToken);
        await socket.SubscribeAsync("1", OrderUpdated, new { id = orderId });
        await socket.ReceiveAsync();

        await socket.SubscribeAsync("1", OrderUpdated, new { id = orderId });

        // The saga goes on paying the order: the live subscription's updates may come before the close.
        Assert.Equal(4409, await socket.ReceiveCloseAsync(livePastClose: "1"));
    }

    // Subscribes as id "1", then pings: the refusal, and the message after it, which is the pong when nothing else
    // (no next, no complete) was sent for the refused subscription.
    private static async Task<(JsonElement Refusal, JsonElement After)> SubscribeAndPingAsync(GraphQLWebSocketClient socket, string orderId)
    {
        await socket.SubscribeAsync("1", OrderUpdated, new { id = orderId });
        var refusal = await socket.ReceiveAsync();
        await socket.SendAsync(new { type = "ping" });
        return (refusal, await socket.ReceiveAsync());
    }

    // Reads next messages of one subscription until an order passes done; anything else fails the test.
    private static async Task<JsonElement> ReceiveOrderUntilAsync(GraphQLWebSocketClient socket, string id, Func<JsonElement, bool> done)
    {
        while (true)
        {
            var message = await socket.ReceiveAsync();
            Assert.Equal(("next", id), (message.GetProperty("type").GetString(), message.GetProperty("id").GetString()));
            var order = Order(message);
            if (done(order))
            {
                return order;
            }
        }
    }

    private static JsonElement Order(JsonElement next) => next.GetProperty("payload").GetProperty("data").GetProperty("orderUpdated");

    private static string? Code(JsonElement error) =>
        Assert.Single(error.GetProperty("payload").EnumerateArray()).GetProperty("extensions").GetProperty("code").GetString();

    private async Task<(GraphQLClient Owner, string OrderId)> PlaceOrderAsync()
    {
        var owner = await fixture.SignUpAsync();
        return (owner, await StorefrontOrders.PlaceAsync(owner, fixture.Grains));
    }

    private static IEnumerable<string?> Types(JsonElement order) => order.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString());
}
