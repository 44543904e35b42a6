using System.Net.Http.Json;
using System.Text.Json;
using EShop.Silo.Hosting;
using EShop.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace EShop.Tests.Payments;

// Payments through the API, on a silo with no processor configured: it serves the sandbox itself.
[Collection(GatewayCollection.Name)]
public sealed class PaymentsGraphQLTests(GatewayFixture fixture)
{
    private const string Refund = "mutation($id: ID!, $amount: Decimal) { refundOrder(orderId: $id, amount: $amount) { order { status payment { status refunded { amount } } } userErrors { code field } } }";

    [Fact]
    public async Task PaidOrder_ShowsItsCapturedPayment()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, price: 18m);
        var shopper = await fixture.SignUpAsync();
        var orderId = await StorefrontOrders.PlaceAsync(shopper, product.Id);

        var order = await StorefrontOrders.WaitForAsync(shopper, orderId, o => o.Status() == "PAID");
        var payment = order.GetProperty("payment");

        Assert.Equal(("CARD", "CAPTURED", order.GetProperty("total").GetProperty("amount").GetDecimal(), 0m),
            (payment.GetProperty("method").GetString(), payment.GetProperty("status").GetString(), payment.GetProperty("amount").GetProperty("amount").GetDecimal(), payment.GetProperty("refunded").GetProperty("amount").GetDecimal()));
        Assert.Equal(["ORDER_PLACED", "ORDER_PAID"], order.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("captured", Assert.Single(await ChargesAsync(orderId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RefundOrder_PartThenTheRest_ByAnAdminOnly()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, price: 40m);
        var shopper = await fixture.SignUpAsync();
        var admin = await fixture.SignInAdminAsync();
        var orderId = await StorefrontOrders.PlaceAsync(shopper, product.Id);
        var total = (await StorefrontOrders.WaitForAsync(shopper, orderId, o => o.Status() == "PAID")).GetProperty("total").GetProperty("amount").GetDecimal();

        var byCustomer = await shopper.ErrorCodeAsync(Refund, new { id = orderId, amount = 1m });
        var part = (await admin.DataAsync(Refund, new { id = orderId, amount = 10m })).GetProperty("refundOrder");
        var tooMuch = (await admin.DataAsync(Refund, new { id = orderId, amount = total })).GetProperty("refundOrder");
        var rest = (await admin.DataAsync(Refund, new { id = orderId, amount = (decimal?)null })).GetProperty("refundOrder");

        Assert.Equal("FORBIDDEN", byCustomer);
        Assert.Equal(("PARTIALLY_REFUNDED", "PARTIALLY_REFUNDED", 10m), Summary(part));
        Assert.Equal(JsonValueKind.Null, tooMuch.GetProperty("order").ValueKind);
        Assert.Equal(("INVALID_INPUT", "amount"), (tooMuch.GetProperty("userErrors")[0].GetProperty("code").GetString(), tooMuch.GetProperty("userErrors")[0].GetProperty("field")[0].GetString()));
        Assert.Equal(("REFUNDED", "REFUNDED", total), Summary(rest));
        Assert.Equal(total, Assert.Single(await ChargesAsync(orderId)).GetProperty("refunded").GetDecimal());
    }

    [Fact]
    public async Task CancelOrder_PaidBeforePickUp_RefundsInFull()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, price: 30m, stock: 4);
        var shopper = await fixture.SignUpAsync();
        var orderId = await StorefrontOrders.PlaceAsync(shopper, product.Id);
        var paid = await StorefrontOrders.WaitForAsync(shopper, orderId, o => o.Status() == "PAID");
        var total = paid.GetProperty("total").GetProperty("amount").GetDecimal();

        var cancelled = (await shopper.DataAsync("mutation($id: ID!) { cancelOrder(orderId: $id) { order { status } userErrors { code } } }", new { id = orderId })).GetProperty("cancelOrder");
        var refunded = await StorefrontOrders.WaitForAsync(shopper, orderId, o => o.GetProperty("payment").GetProperty("status").GetString() == "REFUNDED");
        var stock = (await fixture.Anonymous.DataAsync("query($id: ID!) { product(id: $id) { stock } }", new { id = product.Id })).GetProperty("product").GetProperty("stock").GetInt32();

        Assert.Equal("CANCELLED", cancelled.GetProperty("order").GetProperty("status").GetString());
        Assert.Equal(("CANCELLED", total, "EXCEPTION"),
            (refunded.Status(), refunded.GetProperty("payment").GetProperty("refunded").GetProperty("amount").GetDecimal(), refunded.GetProperty("shipment").GetProperty("status").GetString()));
        Assert.Equal(4, stock);
        Assert.Equal(total, Assert.Single(await ChargesAsync(orderId)).GetProperty("refunded").GetDecimal());
    }

    [Fact]
    public async Task CashOnDelivery_IsCapturedWhenAnAdminMarksItDelivered()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, price: 12m);
        var shopper = await fixture.SignUpAsync();
        var admin = await fixture.SignInAdminAsync();
        var orderId = await StorefrontOrders.PlaceAsync(shopper, product.Id, method: "CASH_ON_DELIVERY", cardToken: null);
        var confirmed = await StorefrontOrders.WaitForAsync(shopper, orderId, StorefrontOrders.HasShipment);
        var tn = confirmed.GetProperty("shipment").GetProperty("trackingNumber").GetString();

        await admin.DataAsync("mutation($tn: String!) { advanceShipment(trackingNumber: $tn, status: DELIVERED) { status } }", new { tn });
        var delivered = await StorefrontOrders.WaitForAsync(shopper, orderId, o => o.GetProperty("payment").GetProperty("status").GetString() == "CAPTURED");

        Assert.Equal(("PENDING_PAYMENT", "AUTHORIZED"), (confirmed.Status(), confirmed.GetProperty("payment").GetProperty("status").GetString()));
        Assert.Equal(["ORDER_PLACED", "ORDER_CONFIRMED", "ORDER_DELIVERED"], delivered.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("DELIVERED", delivered.Status());
        Assert.Empty(await ChargesAsync(orderId));
    }

    [Fact]
    public async Task GiftCard_IssuedByAnAdmin_PaysForAnOrder()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, price: 15m);
        var shopper = await fixture.SignUpAsync();
        var admin = await fixture.SignInAdminAsync();
        const string Issue = "mutation($amount: Decimal!, $code: String) { issueGiftCard(amount: $amount, code: $code) { giftCard { code balance { amount } } userErrors { code field } } }";

        var byCustomer = await shopper.ErrorCodeAsync(Issue, new { amount = 50m });
        var badAmount = (await admin.DataAsync(Issue, new { amount = 0m })).GetProperty("issueGiftCard");
        var issued = (await admin.DataAsync(Issue, new { amount = 50m })).GetProperty("issueGiftCard").GetProperty("giftCard");
        var code = issued.GetProperty("code").GetString()!;
        await shopper.DataAsync("mutation($id: ID!) { addToCart(productId: $id, quantity: 1) { userErrors { code } } }", new { id = product.Id });
        var checkout = (await shopper.DataAsync(
            """
            mutation($key: String!, $code: String!) { checkout(input: { idempotencyKey: $key, shippingSpeed: STANDARD,
              shippingAddress: { name: "Ana", line1: "Calle Mayor 1", city: "Madrid", postalCode: "28013", country: "ES" },
              payment: { method: GIFT_CARD, giftCardCode: $code } }) { order { id total { amount } } userErrors { code } } }
            """, new { key = Guid.NewGuid().ToString(), code })).GetProperty("checkout").GetProperty("order");
        var paid = await StorefrontOrders.WaitForAsync(shopper, checkout.GetProperty("id").GetString()!, o => o.Status() == "PAID");
        var balance = (await shopper.DataAsync("query($code: String!) { giftCard(code: $code) { balance { amount } } }", new { code }))
            .GetProperty("giftCard").GetProperty("balance").GetProperty("amount").GetDecimal();

        Assert.Equal("FORBIDDEN", byCustomer);
        Assert.Equal(("INVALID_INPUT", "amount"), (badAmount.GetProperty("userErrors")[0].GetProperty("code").GetString(), badAmount.GetProperty("userErrors")[0].GetProperty("field")[0].GetString()));
        Assert.Matches("^GC(-[A-Z2-9]{4}){4}$", code);
        Assert.Equal(50m, issued.GetProperty("balance").GetProperty("amount").GetDecimal());
        Assert.Equal(("GIFT_CARD", "CAPTURED"), (paid.GetProperty("payment").GetProperty("method").GetString(), paid.GetProperty("payment").GetProperty("status").GetString()));
        Assert.Equal(50m - checkout.GetProperty("total").GetProperty("amount").GetDecimal(), balance);
    }

    private static (string?, string?, decimal) Summary(JsonElement payload)
    {
        var order = payload.GetProperty("order");
        var payment = order.GetProperty("payment");
        return (order.GetProperty("status").GetString(), payment.GetProperty("status").GetString(), payment.GetProperty("refunded").GetProperty("amount").GetDecimal());
    }

    // The processor's own record, read from the sandbox the silo serves.
    private async Task<JsonElement[]> ChargesAsync(string orderId)
    {
        var sandbox = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost!.Services.GetRequiredService<LocalSandbox>();
        using var http = new HttpClient { BaseAddress = sandbox.Url };
        return (await http.GetFromJsonAsync<JsonElement[]>($"/processor/v1/charges?reference={orderId}"))!;
    }
}
