using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EShop.GraphQLGateway.Http;
using EShop.GraphQLGateway.Schema;
using EShop.Tests.Shared;
using GraphQL.Types;
using GraphQL;
using GraphQLParser;
using Microsoft.Extensions.DependencyInjection;

namespace EShop.Tests.Http;

// The gateway parses and validates a document once and keeps it; what depends on the request must still be checked.
[Collection(GatewayCollection.Name)]
public sealed class DocumentCacheTests(GatewayFixture fixture)
{
    [Fact]
    public async Task CachedDocument_ComplexityFollowsItsVariables()
    {
        // A fresh document (the alias prefix), once cheap and cached, then with variables that make it too complex.
        var prefix = "p" + Guid.NewGuid().ToString("N")[..8];
        var query = "query($n: Int) { " + string.Join(' ', Enumerable.Range(0, 20).Select(i => $"{prefix}{i}: products(first: $n) {{ edges {{ node {{ id name category {{ name }} }} }} }}")) + " }";

        var cheap = await fixture.Http.PostAsJsonAsync("/graphql", new { query, variables = new { n = 1 } });
        var costly = await fixture.Http.PostAsJsonAsync("/graphql", new { query, variables = new { n = 100 } });

        Assert.Equal(HttpStatusCode.OK, cheap.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, costly.StatusCode);
        var json = await costly.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("complexity", json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CachedDocument_ComplexityFollowsAVariableInInclude()
    {
        // Cheap while the costly part is left out, so it is cached; then the same text with it in.
        var prefix = "p" + Guid.NewGuid().ToString("N")[..8];
        var query = "query($all: Boolean!) { " + string.Join(' ', Enumerable.Range(0, 19).Select(i =>
            $"{prefix}{i}: products(first: 100) @include(if: $all) {{ edges {{ node {{ id name description stock price {{ amount currency }} category {{ id name }} }} }} }}")) + " categories { id } }";

        var cheap = await fixture.Http.PostAsJsonAsync("/graphql", new { query, variables = new { all = false } });
        var costly = await fixture.Http.PostAsJsonAsync("/graphql", new { query, variables = new { all = true } });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest), (cheap.StatusCode, costly.StatusCode));
        var json = await costly.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("complexity", json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("query($id: ID!) { product(id: $id) { id name } }", false)]
    [InlineData("query($q: String, $c: ID) { products(search: $q, categoryId: $c, first: 20) { edges { node { id } } } }", false)]
    [InlineData("query($id: ID) { product(id: $id) { id } }", true)]
    [InlineData("query($id: ID! = \"x\") { product(id: $id) { id } }", true)]
    [InlineData("query($n: Int) { products(first: $n) { edges { node { id } } } }", true)]
    [InlineData("query($n: Int!) { products { edges { node { id } } } orders(last: $n) { edges { node { id } } } }", true)]
    [InlineData("query($s: Boolean!) { product(id: \"x\") @skip(if: $s) { id } }", true)]
    [InlineData("query($n: Int!) { ...F } fragment F on Query { products(first: $n) { edges { node { id } } } }", true)]
    public async Task ComplexityVariables_AreThoseTheAnalysisReads(string document, bool matter) =>
        Assert.Equal(matter, await ComplexityVariables.MatterAsync(Parser.Parse(document)));

    [Fact]
    public void EveryField_UsesTheDefaultComplexityImpact()
    {
        // What ComplexityVariables knows of the analysis holds only for the default impact; a field with its own may
        // read any argument. GraphQL.NET's introspection has two, which count the schema's types and directives.
        var schema = fixture.Services.GetRequiredService<EShopSchema>();
        schema.Initialize();

        var own = schema.AllTypes.OfType<IComplexGraphType>().SelectMany(t => t.Fields.Select(f => (t.Name, Field: f)))
            .Where(x => x.Field.GetComplexityImpactDelegate() is not null).Select(x => $"{x.Name}.{x.Field.Name}");

        Assert.Equal(["__Schema.directives", "__Schema.types"], own.Order());
    }

    [Fact]
    public async Task MutationCachedFromAPost_OverGet_IsStill405()
    {
        var query = $"mutation {{ m{Guid.NewGuid():N}: clearCart {{ userErrors {{ code }} }} }}";
        var posted = await fixture.Http.PostAsJsonAsync("/graphql", new { query });

        var response = await fixture.Http.GetAsync("/graphql?query=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task InvalidDocument_IsRefusedEveryTime()
    {
        var query = $"{{ x{Guid.NewGuid():N}: products {{ noSuchField }} }}";

        var first = await fixture.Http.PostAsJsonAsync("/graphql", new { query });
        var second = await fixture.Http.PostAsJsonAsync("/graphql", new { query });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (first.StatusCode, second.StatusCode));
    }
}
