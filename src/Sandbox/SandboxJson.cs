using System.Text.Json;

namespace EShop.Sandbox;

// The sandbox reads and writes its own JSON instead of the host's options: inside the silo, the wire format of a
// third party must not change with the host's settings.
internal static class SandboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    // Null for a body that is not the expected JSON, so the caller answers invalid_request rather than the
    // framework's empty 400.
    public static async Task<T?> ReadAsync<T>(HttpRequest request) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
