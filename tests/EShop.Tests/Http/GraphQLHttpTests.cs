using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EShop.Tests.Shared;

namespace EShop.Tests.Http;

[Collection(GatewayCollection.Name)]
public sealed class GraphQLHttpTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("{\"query\": ", "BAD_REQUEST")]
    [InlineData("{\"variables\": {}}", "BAD_REQUEST")]
    [InlineData("{\"query\": \"{ products { totalCount \"}", "SYNTAX_ERROR")]
    [InlineData("{\"query\": \"{ noSuchField }\"}", "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("{\"query\": \"query($n: Int!) { products(first: $n) { totalCount } }\", \"variables\": {\"n\": \"ten\"}}", "INVALID_VALUE")]
    public async Task Post_RequestThatCannotRun_Is400WithACode(string body, string code)
    {
        var response = await fixture.Http.PostAsync("/graphql", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, json.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task HealthProbes_WithTheClusterReachable_AreAllUp()
    {
        var statuses = new[] { "/health", "/health/live", "/health/ready" }
            .Select(async path => (path, (await fixture.Http.GetAsync(path)).StatusCode));

        Assert.All(await Task.WhenAll(statuses), s => Assert.Equal(System.Net.HttpStatusCode.OK, s.StatusCode));
    }

    [Fact]
    public async Task Post_NotJson_Is415()
    {
        var response = await fixture.Http.PostAsync("/graphql", new StringContent("{ categories { id } }", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_TooComplex_IsRefusedBeforeItRuns()
    {
        // Twenty full pages of products in one request: each alias is cheap, together they are a denial of service.
        var aliases = string.Join(' ', Enumerable.Range(0, 20).Select(i => $"p{i}: products(first: 100) {{ edges {{ node {{ id name category {{ name }} }} }} }}"));

        var response = await fixture.Http.PostAsJsonAsync("/graphql", new { query = "{ " + aliases + " }" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("complexity", json.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_DeepIntrospectionAsGraphiQLSendsIt_Runs()
    {
        // The query GraphiQL sends when it opens (graphql-js getIntrospectionQuery), fragments and all.
        const string introspection = "query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name } types { ...FullType } directives { name description locations args { ...InputValue } } } } fragment FullType on __Type { kind name description fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason } inputFields { ...InputValue } interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } } fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue } fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }";

        var response = await fixture.Http.PostAsJsonAsync("/graphql", new { query = introspection });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Query", json.GetProperty("data").GetProperty("__schema").GetProperty("queryType").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Get_Query_Runs()
    {
        var response = await fixture.Http.GetAsync("/graphql?query=" + Uri.EscapeDataString("query($n: Int) { products(first: $n) { edges { cursor } } }") + "&variables=" + Uri.EscapeDataString("{\"n\": 1}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(json.GetProperty("data").GetProperty("products").GetProperty("edges").GetArrayLength() <= 1);
    }

    [Fact]
    public async Task Get_Mutation_Is405()
    {
        var response = await fixture.Http.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { clearCart { userErrors { code } } }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task Get_FromABrowser_ServesGraphiQLAndItsFilesOffline()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html");

        var page = await fixture.Http.SendAsync(request);
        var script = await fixture.Http.GetAsync("/lib/graphiql.min.js");

        Assert.Equal(("text/html", HttpStatusCode.OK), (page.Content.Headers.ContentType!.MediaType, page.StatusCode));
        Assert.Contains("/lib/graphiql.min.js", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task Get_Root_RedirectsToGraphiQL()
    {
        using var http = fixture.CreateClient(new() { AllowAutoRedirect = false });

        var response = await http.GetAsync("/");

        Assert.Equal((HttpStatusCode.Found, "/graphql"), (response.StatusCode, response.Headers.Location?.OriginalString));
    }

    [Fact]
    public async Task Health_WithTheClusterUp_Is200()
    {
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http.GetAsync("/health")).StatusCode);
    }
}
