using System.Text.Json;

namespace EShop.Tests.Shared;

// Places orders through the API as a storefront does and follows them as the saga moves them.
public static class StorefrontOrders
{
    public const string OrderFields = "id status total { amount } timeline { type detail } payment { method status amount { amount } refunded { amount } } shipment { trackingNumber carrier status events { status at location } }";

    // An order of one unit of a fresh product; its id.
    public static async Task<string> PlaceAsync(GraphQLClient shopper, IGrainFactory grains) =>
        await PlaceAsync(shopper, (await TestCatalog.CreateProductAsync(grains, stock: 5)).Id);

    public static async Task<string> PlaceAsync(GraphQLClient shopper, string productId, int quantity = 1, string method = "CARD", string? cardToken = "tok_visa", string country = "ES")
    {
        await shopper.DataAsync("mutation($id: ID!, $q: Int!) { addToCart(productId: $id, quantity: $q) { userErrors { code } } }", new { id = productId, q = quantity });
        var payload = (await shopper.DataAsync(
            """
            mutation Checkout($key: String!, $method: PaymentMethod!, $token: String, $country: String!) {
              checkout(input: {
                idempotencyKey: $key,
                shippingAddress: { name: "Ana", line1: "Calle Mayor 1", city: "Madrid", postalCode: "28013", country: $country },
                shippingSpeed: STANDARD,
                payment: { method: $method, cardToken: $token }
              }) { order { id } userErrors { code message field } }
            }
            """,
            new { key = Guid.NewGuid().ToString(), method, token = cardToken, country })).GetProperty("checkout");
        Assert.True(payload.GetProperty("userErrors").GetArrayLength() == 0, payload.ToString());
        return payload.GetProperty("order").GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> WaitForAsync(GraphQLClient client, string orderId, Func<JsonElement, bool> done)
    {
        var order = await Eventually.MatchesAsync(
            async () => (await client.DataAsync($"query($id: ID!) {{ order(id: $id) {{ {OrderFields} }} }}", new { id = orderId })).GetProperty("order"),
            done, TimeSpan.FromSeconds(20));
        Assert.True(done(order), order.ToString());
        return order;
    }

    public static bool HasShipment(JsonElement order) => order.GetProperty("shipment").ValueKind == JsonValueKind.Object;

    public static string Status(this JsonElement order) => order.GetProperty("status").GetString()!;
}
