using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EShop.Benchmarks;

// The gateway as a storefront calls it: GraphQL over HTTP POST, signed in with the access token signUp gave.
public sealed class Storefront(HttpClient http, string gatewayUrl)
{
    // The checkout every benchmark shopper makes (card, tok_visa, standard shipping to Madrid) with $key as its
    // idempotency key: a field for a mutation that declares $key: String!.
    public const string Checkout =
        "checkout(input: { idempotencyKey: $key, shippingSpeed: STANDARD, payment: { method: CARD, cardToken: \"tok_visa\" }, " +
        "shippingAddress: { name: \"Bench Shopper\", line1: \"Calle Mayor 1\", city: \"Madrid\", postalCode: \"28013\", country: \"ES\" } }) " +
        "{ order { id } userErrors { code message } }";

    public async Task<JsonElement> PostAsync(string query, object variables, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, gatewayUrl + "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode && !body.TryGetProperty("errors", out _)
            ? body.GetProperty("data")
            : throw new InvalidOperationException($"GraphQL request failed ({(int)response.StatusCode}): {body}");
    }

    // A new customer's access token.
    public async Task<string> SignUpAsync(string email) =>
        (await PostAsync(
            "mutation($input: SignUpInput!) { signUp(input: $input) { accessToken userErrors { message } } }",
            new { input = new { email, password = "bench-password-1", name = "Bench Shopper" } }))
        .GetProperty("signUp").GetProperty("accessToken").GetString()
        ?? throw new InvalidOperationException($"signUp refused {email}.");
}
