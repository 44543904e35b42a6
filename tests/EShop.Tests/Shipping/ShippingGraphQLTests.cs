using System.Text.Json;
using EShop.Shipping;
using EShop.Tests.Shared;

namespace EShop.Tests.Shipping;

[Collection(GatewayCollection.Name)]
public sealed class ShippingGraphQLTests(GatewayFixture fixture)
{
    private const string Quote = "query($input: ShippingQuoteInput!) { shippingQuote(input: $input) { speed cost { amount currency } estimatedDays } }";

    private const string Advance = "mutation($tn: String!, $status: ShipmentStatus!, $location: String) { advanceShipment(trackingNumber: $tn, status: $status, location: $location) { status events { status location } } }";

    [Fact]
    public async Task ShippingQuote_ToSpainForOnePointFiveKilos_PricesEachSpeedFromTheEuropeanTable()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains);

        var options = (await fixture.Anonymous.DataAsync(Quote, new { input = new { country = "es", postalCode = "28013", lines = new[] { new { productId = product.Id, quantity = 3 } } } }))
            .GetProperty("shippingQuote").EnumerateArray()
            .Select(o => (o.GetProperty("speed").GetString(), o.GetProperty("cost").GetProperty("amount").GetDecimal(), o.GetProperty("cost").GetProperty("currency").GetString(), o.GetProperty("estimatedDays").GetInt32()));

        // Three 500 g units: the first half kilogram at the base rate, two more at the per-half-kilogram rate.
        Assert.Equal([("STANDARD", 12.99m + 2 * 1.40m, "USD", 8), ("EXPRESS", 29.99m + 2 * 2.60m, "USD", 3)], options);
    }

    [Theory]
    [InlineData("XX", "INVALID_INPUT")]
    [InlineData("", "INVALID_INPUT")]
    public async Task ShippingQuote_CountryNotShippedTo_IsAnErrorWithACode(string country, string code)
    {
        Assert.Equal(code, await fixture.Anonymous.ErrorCodeAsync(Quote, new { input = new { country, postalCode = "1000" } }));
    }

    [Fact]
    public async Task ShippingQuote_UnknownProduct_IsNotFound()
    {
        Assert.Equal("NOT_FOUND", await fixture.Anonymous.ErrorCodeAsync(Quote, new { input = new { country = "US", postalCode = "10001", lines = new[] { new { productId = "no-such-sku", quantity = 1 } } } }));
    }

    [Fact]
    public async Task Checkout_ToACountryNotShippedTo_IsAUserErrorNamingTheCountry()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains);
        var shopper = await fixture.SignUpAsync();
        await shopper.DataAsync("mutation($id: ID!) { addToCart(productId: $id, quantity: 1) { userErrors { code } } }", new { id = product.Id });

        var payload = (await shopper.DataAsync(
            """
            mutation { checkout(input: { idempotencyKey: "k", shippingSpeed: STANDARD, payment: { method: CARD, cardToken: "tok_visa" },
              shippingAddress: { name: "Ana", line1: "1 Main St", city: "Nowhere", postalCode: "1", country: "XX" } }) { order { id } userErrors { code field } } }
            """)).GetProperty("checkout");

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("order").ValueKind);
        var error = Assert.Single(payload.GetProperty("userErrors").EnumerateArray());
        Assert.Equal(("INVALID_INPUT", "input.shippingAddress.country"),
            (error.GetProperty("code").GetString(), string.Join('.', error.GetProperty("field").EnumerateArray().Select(f => f.GetString()))));
        Assert.Equal(1, (await shopper.DataAsync("{ cart { itemCount } }")).GetProperty("cart").GetProperty("itemCount").GetInt32());
    }

    [Fact]
    public async Task Shipment_TrackedByAnyoneAndMovedForwardOnlyByAnAdmin()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains);
        var shopper = await fixture.SignUpAsync();
        var admin = await fixture.SignInAdminAsync();
        var orderId = await StorefrontOrders.PlaceAsync(shopper, product.Id);
        var order = await StorefrontOrders.WaitForAsync(shopper, orderId, StorefrontOrders.HasShipment);
        var tn = order.GetProperty("shipment").GetProperty("trackingNumber").GetString()!;

        var tracked = (await fixture.Anonymous.DataAsync("query($tn: String!) { shipment(trackingNumber: $tn) { trackingNumber carrier status events { status } } }", new { tn })).GetProperty("shipment");
        var byCustomer = await shopper.ErrorCodeAsync(Advance, new { tn, status = "DELIVERED" });
        var pickedUp = (await admin.DataAsync(Advance, new { tn, status = "PICKED_UP", location = "Madrid depot" })).GetProperty("advanceShipment");
        var shipped = await StorefrontOrders.WaitForAsync(shopper, orderId, o => o.Status() == "SHIPPED");
        var backwards = await admin.ErrorCodeAsync(Advance, new { tn, status = "LABEL_CREATED" });
        var exception = (await admin.DataAsync(Advance, new { tn, status = "EXCEPTION", location = "Address unreadable" })).GetProperty("advanceShipment");
        var resumed = (await admin.DataAsync(Advance, new { tn, status = "IN_TRANSIT" })).GetProperty("advanceShipment");
        var delivered = (await admin.DataAsync(Advance, new { tn, status = "DELIVERED" })).GetProperty("advanceShipment");
        var final = await StorefrontOrders.WaitForAsync(shopper, orderId, o => o.Status() == "DELIVERED");
        var afterDelivery = await admin.ErrorCodeAsync(Advance, new { tn, status = "EXCEPTION" });

        Assert.Equal((tn, "LABEL_CREATED"), (tracked.GetProperty("trackingNumber").GetString(), tracked.GetProperty("status").GetString()));
        Assert.False(string.IsNullOrEmpty(tracked.GetProperty("carrier").GetString()));
        Assert.Equal("FORBIDDEN", byCustomer);
        Assert.Equal(("PICKED_UP", "Madrid depot"), (pickedUp.GetProperty("status").GetString(), pickedUp.GetProperty("events")[1].GetProperty("location").GetString()));
        Assert.Equal("ORDER_SHIPPED", shipped.GetProperty("timeline").EnumerateArray().Last().GetProperty("type").GetString());
        Assert.Equal("INVALID_STATE", backwards);
        Assert.Equal(("EXCEPTION", "IN_TRANSIT", "DELIVERED"),
            (exception.GetProperty("status").GetString(), resumed.GetProperty("status").GetString(), delivered.GetProperty("status").GetString()));
        Assert.Equal(["LABEL_CREATED", "PICKED_UP", "EXCEPTION", "IN_TRANSIT", "DELIVERED"],
            final.GetProperty("shipment").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("status").GetString()));
        Assert.Equal("INVALID_STATE", afterDelivery);
    }

    // The index's claim is committed before the order's label transaction: one whose label then failed names an order
    // whose shipment carries another number (the carrier's next label), or none.
    [Fact]
    public async Task Shipment_NumberClaimedByAnOrderWhoseShipmentCarriesAnother_IsNullToTrackAndNotFoundToAdvance()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains);
        var shopper = await fixture.SignUpAsync();
        var admin = await fixture.SignInAdminAsync();
        var orderId = await StorefrontOrders.PlaceAsync(shopper, product.Id);
        await StorefrontOrders.WaitForAsync(shopper, orderId, StorefrontOrders.HasShipment);
        var claimed = $"SBXCLAIMED{Guid.NewGuid():N}";
        await fixture.Grains.GetGrain<ITrackingNumberGrain>(claimed).AssignAsync(Guid.Parse(orderId));

        var tracked = (await fixture.Anonymous.DataAsync("query($tn: String!) { shipment(trackingNumber: $tn) { status } }", new { tn = claimed })).GetProperty("shipment");

        Assert.Equal(Guid.Parse(orderId), await fixture.Grains.GetGrain<ITrackingNumberGrain>(claimed).GetAsync());
        Assert.Equal(JsonValueKind.Null, tracked.ValueKind);
        Assert.Equal("NOT_FOUND", await admin.ErrorCodeAsync(Advance, new { tn = claimed, status = "DELIVERED" }));
    }

    [Fact]
    public async Task Shipment_UnknownTrackingNumber_IsNullToTrackAndNotFoundToAdvance()
    {
        var admin = await fixture.SignInAdminAsync();

        var tracked = (await fixture.Anonymous.DataAsync("{ shipment(trackingNumber: \"SBXNOSUCH\") { status } }")).GetProperty("shipment");

        Assert.Equal(JsonValueKind.Null, tracked.ValueKind);
        Assert.Equal("NOT_FOUND", await admin.ErrorCodeAsync(Advance, new { tn = "SBXNOSUCH", status = "DELIVERED" }));
        Assert.Equal("UNAUTHENTICATED", await fixture.Anonymous.ErrorCodeAsync(Advance, new { tn = "SBXNOSUCH", status = "DELIVERED" }));
    }
}
