using System.Text.Json;
using EShop.Catalog;
using EShop.Customers;

namespace EShop.Benchmarks;

// The checkout benchmarks' shop: 200 products with deep stock, imported as the shop's own jobs do, and signed-up
// shoppers who each add one unit of a random one to their cart and check out (card, tok_visa) in one GraphQL mutation.
public sealed class CheckoutShoppers
{
    private const int Products = 200;

    private const string AddAndCheckout =
        "mutation($productId: ID!, $key: String!) { addToCart(productId: $productId, quantity: 1) { userErrors { code message } } " + Storefront.Checkout + " }";

    private readonly Storefront _storefront;
    private readonly ProductImport[] _products;
    private readonly string[] _tokens;

    private CheckoutShoppers(Storefront storefront, ProductImport[] products, string[] tokens) =>
        (_storefront, _products, _tokens) = (storefront, products, tokens);

    // Shoppers are numbered from 0 to Count - 1.
    public int Count => _tokens.Length;

    public static async Task<CheckoutShoppers> SetUpAsync(Storefront storefront, IGrainFactory grains, int shoppers, string stamp)
    {
        StaffContext.Grant(StaffContext.System);
        var admin = grains.GetGrain<ICatalogAdminGrain>(0);
        var products = Enumerable.Range(1, Products).Select(i => new ProductImport($"bench-{i:000}", new ProductDetails(
            $"Bench Product {i}", "A product of the checkout benchmark.", "electronics", 10m + i, 10_000_000, 500))).ToArray();
        foreach (var batch in products.Chunk(ICatalogAdminGrain.MaxImport))
        {
            var imported = await admin.ImportProductsAsync([.. batch]);
            if (!imported.Succeeded)
            {
                throw new InvalidOperationException(imported.Errors[0].Message);
            }
        }

        var tokens = await Task.WhenAll(Enumerable.Range(0, shoppers).Select(i => storefront.SignUpAsync($"bench-{stamp}-{i}@example.com")));
        return new(storefront, products, tokens);
    }

    // The placed order's id, or null when the checkout did not place one.
    public async Task<string?> CheckoutAsync(int shopper, int i)
    {
        var data = await _storefront.PostAsync(AddAndCheckout, new { productId = _products[Random.Shared.Next(Products)].ProductId, key = $"bench-{i}" }, _tokens[shopper]);
        return data.GetProperty("addToCart").GetProperty("userErrors").GetArrayLength() == 0
            && data.GetProperty("checkout").GetProperty("order") is { ValueKind: JsonValueKind.Object } order
                ? order.GetProperty("id").GetString()
                : null;
    }
}
