using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace EShop.Tests.Shared;

// Posts GraphQL as a storefront does, with the customer's bearer token when there is one.
public sealed class GraphQLClient(HttpClient http, string? accessToken)
{
    public string? AccessToken => accessToken;

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response.StatusCode, body);
    }

    // The data of a request that must succeed without GraphQL errors.
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        var (status, body) = await PostAsync(query, variables);
        Assert.True(status == HttpStatusCode.OK && !body.TryGetProperty("errors", out _), $"{(int)status}: {body}");
        return body.GetProperty("data");
    }

    // The code of the single GraphQL error a request must fail with.
    public async Task<string?> ErrorCodeAsync(string query, object? variables = null)
    {
        var (_, body) = await PostAsync(query, variables);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        return error.GetProperty("extensions").GetProperty("code").GetString();
    }
}
