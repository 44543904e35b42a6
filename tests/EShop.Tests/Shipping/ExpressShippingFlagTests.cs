using System.Net.Http.Json;
using System.Text.Json;
using EShop.Tests.Shared;

namespace EShop.Tests.Shipping;

// Feature flags switched on running hosts by a configuration reload: express shipping on the gateway.
[Collection(GatewayCollection.Name)]
public sealed class ExpressShippingFlagTests(GatewayFixture fixture)
{
    private const string Quote = "query { shippingQuote(input: { country: \"ES\", postalCode: \"28013\" }) { speed } }";

    [Fact]
    public async Task ExpressShipping_SwitchedOffAndOnWhileRunning_IsWithdrawnAndOfferedAgain()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains);
        var shopper = await fixture.SignUpAsync();
        await shopper.DataAsync("mutation($id: ID!) { addToCart(productId: $id, quantity: 1) { userErrors { code } } }", new { id = product.Id });

        var before = await SpeedsAsync();
        fixture.Switches.Set("FeatureManagement:ExpressShipping", "false");
        var off = await SpeedsAsync();
        var refused = await CheckoutExpressAsync(shopper);
        fixture.Switches.Set("FeatureManagement:ExpressShipping", "true");
        var on = await SpeedsAsync();

        Assert.Equal(["STANDARD", "EXPRESS"], before);
        Assert.Equal(["STANDARD"], off);
        Assert.Equal(("INVALID_INPUT", "input.shippingSpeed"), refused);
        Assert.Equal(["STANDARD", "EXPRESS"], on);
    }

    private async Task<string[]> SpeedsAsync() =>
        [.. (await fixture.Anonymous.DataAsync(Quote)).GetProperty("shippingQuote").EnumerateArray().Select(o => o.GetProperty("speed").GetString()!)];

    private static async Task<(string?, string)> CheckoutExpressAsync(GraphQLClient shopper)
    {
        var error = (await shopper.DataAsync(
            """
            mutation { checkout(input: { idempotencyKey: "express-off", shippingSpeed: EXPRESS, payment: { method: CARD, cardToken: "tok_visa" },
              shippingAddress: { name: "Ana", line1: "Calle Mayor 1", city: "Madrid", postalCode: "28013", country: "ES" } }) { order { id } userErrors { code field } } }
            """)).GetProperty("checkout").GetProperty("userErrors")[0];
        return (error.GetProperty("code").GetString(), string.Join('.', error.GetProperty("field").EnumerateArray().Select(f => f.GetString())));
    }
}
