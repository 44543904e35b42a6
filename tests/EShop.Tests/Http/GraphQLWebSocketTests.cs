using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EShop.Tests.Shared;

namespace EShop.Tests.Http;

// The graphql-transport-ws protocol at /graphql: negotiation, the connection handshake and its credential, and
// queries over the socket. Subscriptions themselves are in Ordering/OrderSubscriptionTests.
[Collection(GatewayCollection.Name)]
public sealed class GraphQLWebSocketTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Connect_WithoutTheSubprotocol_ClosesWith4406()
    {
        await using var socket = await fixture.ConnectWebSocketAsync(subProtocol: null);

        Assert.Equal(4406, await socket.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Subscribe_BeforeConnectionInit_ClosesWith4401()
    {
        await using var socket = await fixture.ConnectWebSocketAsync();

        await socket.SubscribeAsync("1", "{ categories { id } }");

        Assert.Equal(4401, await socket.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Ping_GetsPong()
    {
        await using var socket = await fixture.ConnectWebSocketAsync();

        await socket.SendAsync(new { type = "ping" });

        Assert.Equal("pong", (await socket.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task ConnectionInit_WithAnInvalidToken_ClosesWith4403()
    {
        await using var socket = await fixture.ConnectWebSocketAsync();

        await socket.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer not.a.token" } });

        Assert.Equal(4403, await socket.ReceiveCloseAsync());
    }

    [Fact]
    public async Task ConnectionInit_TokenThatExpires_ClosesWith4403WhenItDoes()
    {
        var (customer, session) = (Guid.NewGuid(), Guid.NewGuid());
        await fixture.Grains.GetGrain<EShop.Customers.ICustomerSessionsGrain>(customer).StartAsync(session);
        var token = TestTokens.Sign(GatewayFixture.SigningKey, customer, session, TimeSpan.FromSeconds(2));
        await using var socket = await fixture.ConnectWebSocketAsync();

        await socket.InitAsync(token);

        Assert.Equal(4403, await socket.ReceiveCloseAsync());
    }

    [Fact]
    public async Task ConnectionInit_Twice_ClosesWith4429()
    {
        await using var socket = await fixture.ConnectWebSocketAsync();
        await socket.InitAsync();

        await socket.SendAsync(new { type = "connection_init" });

        Assert.Equal(4429, await socket.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Message_NotAProtocolMessage_ClosesWith4400()
    {
        await using var socket = await fixture.ConnectWebSocketAsync();
        await socket.InitAsync();

        await socket.SendTextAsync("{\"type\": \"start\", \"id\": \"1\"}");

        Assert.Equal(4400, await socket.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Query_OverTheSocket_SendsNextThenComplete()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, name: "Kettle");
        await using var socket = await fixture.ConnectWebSocketAsync();
        await socket.InitAsync();

        await socket.SubscribeAsync("q", "query($id: ID!) { product(id: $id) { id name } }", new { id = product.Id });
        var next = await socket.ReceiveAsync();
        var complete = await socket.ReceiveAsync();

        Assert.Equal(("next", "q"), (next.GetProperty("type").GetString(), next.GetProperty("id").GetString()));
        Assert.Equal((product.Id, "Kettle"), (next.GetProperty("payload").GetProperty("data").GetProperty("product").GetProperty("id").GetString(),
            next.GetProperty("payload").GetProperty("data").GetProperty("product").GetProperty("name").GetString()));
        Assert.Equal(("complete", "q"), (complete.GetProperty("type").GetString(), complete.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Query_ThatFailsValidation_GetsAnErrorMessageAndNoNext()
    {
        await using var socket = await fixture.ConnectWebSocketAsync();
        await socket.InitAsync();

        await socket.SubscribeAsync("q", "{ noSuchField }");
        var error = await socket.ReceiveAsync();
        await socket.SendAsync(new { type = "ping" });
        var after = await socket.ReceiveAsync();

        Assert.Equal(("error", "q"), (error.GetProperty("type").GetString(), error.GetProperty("id").GetString()));
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", Assert.Single(error.GetProperty("payload").EnumerateArray()).GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("pong", after.GetProperty("type").GetString());
    }

    [Fact]
    public async Task ConnectionInit_TokenUnderTheLowerCaseKey_IsTheUserOfEveryOperation()
    {
        var shopper = await fixture.SignUpAsync();
        var overHttp = (await shopper.DataAsync("{ me { id } }")).GetProperty("me").GetProperty("id").GetString();
        await using var socket = await fixture.ConnectWebSocketAsync();
        await socket.InitAsync(shopper.AccessToken, key: "authorization");

        await socket.SubscribeAsync("me", "{ me { id } }");
        var next = await socket.ReceiveAsync();

        Assert.Equal(overHttp, next.GetProperty("payload").GetProperty("data").GetProperty("me").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Post_Subscription_Is400PointingToTheWebSocket()
    {
        var response = await fixture.Http.PostAsJsonAsync("/graphql", new { query = "subscription { orderUpdated(orderId: \"x\") { id } }" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("SUBSCRIPTION_NEEDS_WEBSOCKET", json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
