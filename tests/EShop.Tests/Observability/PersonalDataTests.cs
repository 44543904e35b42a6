using EShop.Tests.Shared;
using Xunit.Abstractions;

namespace EShop.Tests.Observability;

// What a checkout leaves in the logs and spans of gateway and silo: ids, amounts and statuses, never the customer's
// e-mail, name or password, the shipping address, the card token or the access token.
[Collection(RecordedGatewayCollection.Name)]
public sealed class PersonalDataTests(RecordedGatewayFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Checkout_ToPaid_LeavesNoPersonalDataOrSecretInLogsOrSpans()
    {
        var recorder = fixture.Recorder!;
        var unique = Guid.NewGuid().ToString("N")[..8];
        var email = $"privacy-{unique}@leak-check.example";
        var password = $"Hunter-{unique}-pass";
        var customerName = $"Wilhelmina Privacy{unique}";
        var address = new
        {
            name = $"Zebulon Recipient{unique}",
            line1 = $"Calle Secreta {unique}",
            city = $"Villaoculta{unique}",
            postalCode = $"PZ-{unique}",
            country = "ES",
        };
        var product = await TestCatalog.CreateProductAsync(fixture.Grains, price: 21m, stock: 5);

        var signedUp = (await fixture.Anonymous.DataAsync(
            "mutation($input: SignUpInput!) { signUp(input: $input) { accessToken userErrors { code } } }",
            new { input = new { email, password, name = customerName } })).GetProperty("signUp");
        var token = signedUp.GetProperty("accessToken").GetString()!;
        await fixture.Anonymous.DataAsync(
            "mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken } }",
            new { email, password });
        var shopper = new GraphQLClient(fixture.Http, token);
        await shopper.DataAsync("mutation($id: ID!) { addToCart(productId: $id, quantity: 1) { userErrors { code } } }", new { id = product.Id });
        var checkout = (await shopper.DataAsync(
            """
            mutation Checkout($key: String!, $address: AddressInput!) {
              checkout(input: {
                idempotencyKey: $key, shippingAddress: $address, shippingSpeed: STANDARD, payment: { method: CARD, cardToken: "tok_visa" }
              }) { order { id } userErrors { code message field } }
            }
            """,
            new { key = Guid.NewGuid().ToString(), address })).GetProperty("checkout");
        Assert.True(checkout.GetProperty("userErrors").GetArrayLength() == 0, checkout.ToString());
        var orderId = checkout.GetProperty("order").GetProperty("id").GetString()!;
        await StorefrontOrders.WaitForAsync(shopper, orderId, o => o.Status() == "PAID");

        // Something was recorded: the saga's steps name the order, so does the order process's scope, and the checkout's
        // grain call is a span.
        Assert.Contains(recorder.All, r => r.Kind == "log" && r.Text.Contains(orderId) && r.Text.Contains("authorization decided"));
        Assert.Contains(recorder.All, r => r.Kind == "span" && r.Text == "IOrderProcessGrain/CheckoutAsync");
        Assert.Contains(recorder.All, r => r.Kind == "log scope" && r.Text == $"OrderId={orderId}");
        var secrets = new[]
        {
            email, password, customerName, address.name, address.line1, address.city, address.postalCode, "tok_visa", token,
            token.Split('.')[^1],
        };
        var leaks = secrets.SelectMany(secret => recorder.Containing(secret).Select(r => $"{secret} in {r}")).Distinct().ToList();
        output.WriteLine($"{recorder.All.Count} pieces recorded");
        Assert.True(leaks.Count == 0, string.Join('\n', leaks));
    }
}
