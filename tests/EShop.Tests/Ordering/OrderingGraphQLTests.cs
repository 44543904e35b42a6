using System.Text.Json;
using EShop.Tests.Shared;

namespace EShop.Tests.Ordering;

[Collection(GatewayCollection.Name)]
public sealed class OrderingGraphQLTests(GatewayFixture fixture)
{
    private const string Checkout = """
        mutation($key: String!) {
          checkout(input: {
            idempotencyKey: $key,
            shippingAddress: { name: "Ana", line1: "Calle Mayor 1", city: "Madrid", postalCode: "28013", country: "ES" },
            shippingSpeed: STANDARD,
            payment: { method: CARD, cardToken: "tok_visa" }
          }) {
            order { id status subtotal { amount } shippingCost { amount } total { amount currency } placedAt lines { product { id } productName quantity unitPrice { amount } lineTotal { amount } } timeline { type at detail } }
            userErrors { code message field }
          }
        }
        """;

    private const string Order = "query($id: ID!) { order(id: $id) { id status total { amount } } }";

    [Fact]
    public async Task Checkout_ThenReadTheOrderAndTheHistory()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, price: 20m, stock: 5, name: "Teapot");
        var shopper = await fixture.SignUpAsync();
        await shopper.DataAsync("mutation($id: ID!) { addToCart(productId: $id, quantity: 2) { userErrors { code } } }", new { id = product.Id });

        var order = (await shopper.DataAsync(Checkout, new { key = Guid.NewGuid().ToString() })).GetProperty("checkout").GetProperty("order");
        var id = order.GetProperty("id").GetString();
        var read = (await shopper.DataAsync(Order, new { id })).GetProperty("order");
        var history = (await shopper.DataAsync("{ orders(first: 5) { totalCount edges { node { id status } } } }")).GetProperty("orders");
        var stock = (await fixture.Anonymous.DataAsync("query($id: ID!) { product(id: $id) { stock } }", new { id = product.Id })).GetProperty("product");

        Assert.Equal(("PENDING_PAYMENT", 40m, 14.39m, 54.39m, "USD"),
            (order.GetProperty("status").GetString(), order.GetProperty("subtotal").GetProperty("amount").GetDecimal(), order.GetProperty("shippingCost").GetProperty("amount").GetDecimal(),
             order.GetProperty("total").GetProperty("amount").GetDecimal(), order.GetProperty("total").GetProperty("currency").GetString()));
        var line = order.GetProperty("lines")[0];
        Assert.Equal((product.Id, "Teapot", 2), (line.GetProperty("product").GetProperty("id").GetString(), line.GetProperty("productName").GetString(), line.GetProperty("quantity").GetInt32()));
        Assert.Equal("ORDER_PLACED", order.GetProperty("timeline")[0].GetProperty("type").GetString());
        Assert.Equal((id, 54.39m), (read.GetProperty("id").GetString(), read.GetProperty("total").GetProperty("amount").GetDecimal()));
        Assert.Equal((1, id), (history.GetProperty("totalCount").GetInt32(), history.GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetString()));
        Assert.Equal(3, stock.GetProperty("stock").GetInt32());
    }

    [Fact]
    public async Task Checkout_SameKeyTwice_ReturnsTheSameOrder()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, stock: 5);
        var shopper = await fixture.SignUpAsync();
        await shopper.DataAsync("mutation($id: ID!) { addToCart(productId: $id, quantity: 1) { userErrors { code } } }", new { id = product.Id });
        var key = Guid.NewGuid().ToString();

        var first = (await shopper.DataAsync(Checkout, new { key })).GetProperty("checkout").GetProperty("order").GetProperty("id").GetString();
        var second = (await shopper.DataAsync(Checkout, new { key })).GetProperty("checkout").GetProperty("order").GetProperty("id").GetString();

        Assert.Equal(first, second);
        Assert.Equal(1, (await shopper.DataAsync("{ orders { totalCount } }")).GetProperty("orders").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Checkout_EmptyCart_IsCartEmpty()
    {
        var shopper = await fixture.SignUpAsync();

        var payload = (await shopper.DataAsync(Checkout, new { key = "k" })).GetProperty("checkout");

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("order").ValueKind);
        Assert.Equal("CART_EMPTY", payload.GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Order_OfAnotherCustomer_IsForbidden_ButAnAdminMayReadIt()
    {
        var (_, orderId) = await PlaceOrderAsync();
        var stranger = await fixture.SignUpAsync();
        var admin = await fixture.SignInAdminAsync();

        Assert.Equal("FORBIDDEN", await stranger.ErrorCodeAsync(Order, new { id = orderId }));
        Assert.Equal("FORBIDDEN", await stranger.ErrorCodeAsync("mutation($id: ID!) { cancelOrder(orderId: $id) { order { id } } }", new { id = orderId }));
        Assert.Equal("UNAUTHENTICATED", await fixture.Anonymous.ErrorCodeAsync(Order, new { id = orderId }));
        Assert.Equal(orderId, (await admin.DataAsync(Order, new { id = orderId })).GetProperty("order").GetProperty("id").GetString());
    }

    [Fact]
    public async Task CancelOrder_ByOwner_CancelsAndRestocks()
    {
        var (owner, orderId) = await PlaceOrderAsync();

        var payload = (await owner.DataAsync("mutation($id: ID!) { cancelOrder(orderId: $id) { order { status timeline { type } } userErrors { code } } }", new { id = orderId }))
            .GetProperty("cancelOrder");
        var again = (await owner.DataAsync("mutation($id: ID!) { cancelOrder(orderId: $id) { order { status } userErrors { code } } }", new { id = orderId }))
            .GetProperty("cancelOrder");

        Assert.Equal("CANCELLED", payload.GetProperty("order").GetProperty("status").GetString());
        // The saga may have taken the payment first; the cancellation then refunds it.
        var timeline = payload.GetProperty("order").GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(("ORDER_PLACED", "ORDER_CANCELLED"), (timeline[0], timeline[^1]));
        Assert.Equal("INVALID_STATE", again.GetProperty("userErrors")[0].GetProperty("code").GetString());
    }

    private async Task<(GraphQLClient Owner, string OrderId)> PlaceOrderAsync()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, stock: 5);
        var owner = await fixture.SignUpAsync();
        await owner.DataAsync("mutation($id: ID!) { addToCart(productId: $id, quantity: 1) { userErrors { code } } }", new { id = product.Id });
        var order = (await owner.DataAsync(Checkout, new { key = Guid.NewGuid().ToString() })).GetProperty("checkout").GetProperty("order");
        return (owner, order.GetProperty("id").GetString()!);
    }
}
