using EShop.Tests.Shared;

namespace EShop.Tests.Carts;

[Collection(GatewayCollection.Name)]
public sealed class CartGraphQLTests(GatewayFixture fixture)
{
    private const string AddToCart = """
        mutation($productId: ID!, $quantity: Int!) {
          addToCart(productId: $productId, quantity: $quantity) {
            cart { itemCount subtotal { amount } lines { product { id name } quantity unitPrice { amount } lineTotal { amount } } }
            userErrors { code message field }
          }
        }
        """;

    [Fact]
    public async Task AddSetAndClear_ShowTheCartAsItIs()
    {
        var lamp = await TestCatalog.CreateProductAsync(fixture.Grains, price: 12.5m, stock: 10, name: "Lamp");
        var rug = await TestCatalog.CreateProductAsync(fixture.Grains, price: 40m, stock: 10, name: "Rug");
        var shopper = await fixture.SignUpAsync();

        await shopper.DataAsync(AddToCart, new { productId = lamp.Id, quantity = 2 });
        var added = (await shopper.DataAsync(AddToCart, new { productId = rug.Id, quantity = 1 })).GetProperty("addToCart").GetProperty("cart");
        var set = (await shopper.DataAsync("mutation($id: ID!) { setCartQuantity(productId: $id, quantity: 0) { cart { itemCount lines { product { id } } } } }", new { id = lamp.Id }))
            .GetProperty("setCartQuantity").GetProperty("cart");
        var cleared = await shopper.DataAsync("mutation { clearCart { cart { itemCount } userErrors { code } } }");
        var after = await shopper.DataAsync("{ cart { itemCount lines { quantity } } }");

        Assert.Equal((3, 65m), (added.GetProperty("itemCount").GetInt32(), added.GetProperty("subtotal").GetProperty("amount").GetDecimal()));
        var firstLine = added.GetProperty("lines")[0];
        Assert.Equal(("Lamp", 2, 12.5m, 25m),
            (firstLine.GetProperty("product").GetProperty("name").GetString(), firstLine.GetProperty("quantity").GetInt32(),
             firstLine.GetProperty("unitPrice").GetProperty("amount").GetDecimal(), firstLine.GetProperty("lineTotal").GetProperty("amount").GetDecimal()));
        Assert.Equal((1, rug.Id), (set.GetProperty("itemCount").GetInt32(), set.GetProperty("lines")[0].GetProperty("product").GetProperty("id").GetString()));
        Assert.Equal(0, cleared.GetProperty("clearCart").GetProperty("cart").GetProperty("itemCount").GetInt32());
        Assert.Equal(0, after.GetProperty("cart").GetProperty("lines").GetArrayLength());
    }

    [Theory]
    [InlineData(-1, "INVALID_INPUT", "quantity")]
    [InlineData(0, "INVALID_INPUT", "quantity")]
    [InlineData(11, "OUT_OF_STOCK", "quantity")]
    public async Task AddToCart_BadQuantity_IsAUserErrorNamingTheField(int quantity, string code, string field)
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, stock: 10);
        var shopper = await fixture.SignUpAsync();

        var payload = (await shopper.DataAsync(AddToCart, new { productId = product.Id, quantity })).GetProperty("addToCart");

        var error = payload.GetProperty("userErrors")[0];
        Assert.Equal((code, field), (error.GetProperty("code").GetString(), error.GetProperty("field")[0].GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, payload.GetProperty("cart").ValueKind);
    }

    [Fact]
    public async Task AddToCart_UnknownProduct_IsNotFound()
    {
        var shopper = await fixture.SignUpAsync();

        var payload = (await shopper.DataAsync(AddToCart, new { productId = "no-such-sku", quantity = 1 })).GetProperty("addToCart");

        Assert.Equal(("NOT_FOUND", "productId"), (payload.GetProperty("userErrors")[0].GetProperty("code").GetString(), payload.GetProperty("userErrors")[0].GetProperty("field")[0].GetString()));
    }

    [Fact]
    public async Task Cart_Anonymous_IsUnauthenticated()
    {
        Assert.Equal("UNAUTHENTICATED", await fixture.Anonymous.ErrorCodeAsync("{ cart { itemCount } }"));
        Assert.Equal("UNAUTHENTICATED", await fixture.Anonymous.ErrorCodeAsync(AddToCart, new { productId = "x", quantity = 1 }));
    }
}
