using System.Text.Json;
using EShop.Tests.Shared;

namespace EShop.Tests.Catalog;

[Collection(GatewayCollection.Name)]
public sealed class CatalogGraphQLTests(GatewayFixture fixture)
{
    private const string UpsertProduct = """
        mutation($input: ProductInput!) {
          upsertProduct(input: $input) { product { id name stock price { amount currency } category { id name } } userErrors { code message field } }
        }
        """;

    private const string Products = """
        query($first: Int, $after: String, $categoryId: ID, $search: String, $minPrice: Decimal, $maxPrice: Decimal, $inStock: Boolean, $sort: ProductSort) {
          products(first: $first, after: $after, categoryId: $categoryId, search: $search, minPrice: $minPrice, maxPrice: $maxPrice, inStock: $inStock, sort: $sort) {
            totalCount
            edges { cursor node { id name salePrice { amount } inStock } }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    [Fact]
    public async Task Products_FirstAndAfter_PageThroughACategory()
    {
        var (categoryId, ids) = await CreateCategoryWithProductsAsync(("Alpha", 3m, 1), ("Bravo", 2m, 1), ("Charlie", 1m, 1));

        var first = (await fixture.Anonymous.DataAsync(Products, new { first = 2, categoryId, sort = "NAME" })).GetProperty("products");
        var endCursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = (await fixture.Anonymous.DataAsync(Products, new { first = 2, after = endCursor, categoryId, sort = "NAME" })).GetProperty("products");

        Assert.Equal(ids[..2], NodeIds(first));
        Assert.Equal((3, true, false), (first.GetProperty("totalCount").GetInt32(), PageFlag(first, "hasNextPage"), PageFlag(first, "hasPreviousPage")));
        Assert.Equal(ids[2..], NodeIds(second));
        Assert.Equal((false, true), (PageFlag(second, "hasNextPage"), PageFlag(second, "hasPreviousPage")));
    }

    [Fact]
    public async Task Products_FiltersAndSort_NarrowTheCategory()
    {
        var (categoryId, ids) = await CreateCategoryWithProductsAsync(("Red kettle", 30m, 0), ("Blue kettle", 20m, 4), ("Red scarf", 10m, 2));

        var search = (await fixture.Anonymous.DataAsync(Products, new { categoryId, search = "red", sort = "PRICE_DESC" })).GetProperty("products");
        var range = (await fixture.Anonymous.DataAsync(Products, new { categoryId, minPrice = 15, maxPrice = 25.5 })).GetProperty("products");
        var inStock = (await fixture.Anonymous.DataAsync(Products, new { categoryId, inStock = true, sort = "PRICE_ASC" })).GetProperty("products");

        Assert.Equal([ids[0], ids[2]], NodeIds(search));
        Assert.Equal([ids[1]], NodeIds(range));
        Assert.Equal([ids[2], ids[1]], NodeIds(inStock));
    }

    [Fact]
    public async Task Product_ById_ReturnsTheContractFields_AndNullWhenUnknown()
    {
        var (categoryId, ids) = await CreateCategoryWithProductsAsync(("Lamp", 25m, 3));
        var admin = await fixture.SignInAdminAsync();
        await admin.DataAsync("mutation($id: ID!) { setDiscount(productId: $id, percent: 20) { userErrors { code } } }", new { id = ids[0] });

        var data = await fixture.Anonymous.DataAsync(
            "query($id: ID!, $missing: ID!) { product(id: $id) { id name description category { id } price { amount currency } salePrice { amount } stock inStock } missing: product(id: $missing) { id } }",
            new { id = ids[0], missing = "no-such-sku" });

        var product = data.GetProperty("product");
        Assert.Equal(
            (ids[0], "Lamp", categoryId, 25m, "USD", 20m, 3, true),
            (product.GetProperty("id").GetString(), product.GetProperty("name").GetString(), product.GetProperty("category").GetProperty("id").GetString(),
             product.GetProperty("price").GetProperty("amount").GetDecimal(), product.GetProperty("price").GetProperty("currency").GetString(),
             product.GetProperty("salePrice").GetProperty("amount").GetDecimal(), product.GetProperty("stock").GetInt32(), product.GetProperty("inStock").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, data.GetProperty("missing").ValueKind);
    }

    [Fact]
    public async Task AdminMutations_WithoutAdminRole_AreRefusedWithCodes()
    {
        var customer = await fixture.SignUpAsync();
        var input = new { input = new { id = "x-1", name = "X", description = "", categoryId = "none", price = 1, stock = 1 } };

        Assert.Equal("UNAUTHENTICATED", await fixture.Anonymous.ErrorCodeAsync(UpsertProduct, input));
        Assert.Equal("FORBIDDEN", await customer.ErrorCodeAsync(UpsertProduct, input));
        Assert.Equal("FORBIDDEN", await customer.ErrorCodeAsync("mutation { adjustStock(productId: \"x\", delta: 1) { userErrors { code } } }"));
    }

    [Fact]
    public async Task UpsertProduct_BadInput_ReturnsUserErrorsWithFieldPaths()
    {
        var admin = await fixture.SignInAdminAsync();

        var data = await admin.DataAsync(UpsertProduct, new { input = new { id = "bad sku", name = "", description = "", categoryId = "none", price = -1, stock = 1 } });

        var payload = data.GetProperty("upsertProduct");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("product").ValueKind);
        Assert.Equal(
            ["input.id", "input.name", "input.price"],
            payload.GetProperty("userErrors").EnumerateArray().Select(e => string.Join('.', e.GetProperty("field").EnumerateArray().Select(f => f.GetString()))));
    }

    [Fact]
    public async Task AdjustStock_BelowZero_IsAUserErrorAndStockStays()
    {
        var (_, ids) = await CreateCategoryWithProductsAsync(("Widget", 1m, 2));
        var admin = await fixture.SignInAdminAsync();

        var data = await admin.DataAsync("mutation($id: ID!) { adjustStock(productId: $id, delta: -3) { product { stock } userErrors { code field } } }", new { id = ids[0] });
        var stock = await fixture.Anonymous.DataAsync("query($id: ID!) { product(id: $id) { stock } }", new { id = ids[0] });

        Assert.Equal("INVALID_INPUT", data.GetProperty("adjustStock").GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal(2, stock.GetProperty("product").GetProperty("stock").GetInt32());
    }

    private async Task<(string CategoryId, string[] Ids)> CreateCategoryWithProductsAsync(params (string Name, decimal Price, int Stock)[] products)
    {
        var admin = await fixture.SignInAdminAsync();
        var categoryId = "c-" + Guid.NewGuid().ToString("N")[..10];
        await admin.DataAsync("mutation($id: ID!) { upsertCategory(id: $id, name: \"Test\") { id } }", new { id = categoryId });
        var ids = new List<string>();
        foreach (var (name, price, stock) in products)
        {
            var id = TestCatalog.NewSku();
            var data = await admin.DataAsync(UpsertProduct, new { input = new { id, name, description = $"About {name}", categoryId, price, stock } });
            Assert.Equal(0, data.GetProperty("upsertProduct").GetProperty("userErrors").GetArrayLength());
            ids.Add(id);
        }

        return (categoryId, [.. ids]);
    }

    private static string[] NodeIds(JsonElement connection) =>
        [.. connection.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!)];

    private static bool PageFlag(JsonElement connection, string flag) => connection.GetProperty("pageInfo").GetProperty(flag).GetBoolean();

    [Theory]
    [InlineData("one two three four five six seven eight nine")]
    [InlineData("x")]
    public async Task Products_SearchBeyondItsBounds_IsBadUserInput(string search)
    {
        // Nine words, or (with "x") a search of 201 characters.
        var text = search == "x" ? new string('x', 201) : search;

        Assert.Equal("BAD_USER_INPUT", await fixture.Anonymous.ErrorCodeAsync(
            "query($s: String) { products(search: $s) { totalCount } }", new { s = text }));
    }

    [Fact]
    public async Task Products_CursorAtTheLastInt_IsBadUserInput()
    {
        var after = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("offset:" + int.MaxValue));

        Assert.Equal("BAD_USER_INPUT", await fixture.Anonymous.ErrorCodeAsync(
            "query($after: String) { products(after: $after) { totalCount } }", new { after }));
    }

}
