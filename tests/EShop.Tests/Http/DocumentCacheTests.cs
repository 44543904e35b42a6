using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EShop.Tests.Shared;

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
