using EShop.Tests.Shared;

namespace EShop.Tests.Ordering;

// Places an order through the GraphQL API as a storefront does: a fresh product in the cart, then checkout.
public static class StorefrontOrders
{
    private const string Checkout = """
        mutation($key: String!) {
          checkout(input: {
            idempotencyKey: $key,
            shippingAddress: { name: "Ana", line1: "Calle Mayor 1", city: "Madrid", postalCode: "28013", country: "ES" },
            shippingSpeed: STANDARD,
            payment: { method: CARD, cardToken: "tok_visa" }
          }) { order { id } userErrors { code } }
        }
        """;

    // The new order's id.
    public static async Task<string> PlaceAsync(GraphQLClient customer, IGrainFactory grains)
    {
        var product = await TestCatalog.CreateProductAsync(grains, stock: 5);
        await customer.DataAsync("mutation($id: ID!) { addToCart(productId: $id, quantity: 1) { userErrors { code } } }", new { id = product.Id });
        var checkout = await customer.DataAsync(Checkout, new { key = Guid.NewGuid().ToString() });
        return checkout.GetProperty("checkout").GetProperty("order").GetProperty("id").GetString()!;
    }
}
