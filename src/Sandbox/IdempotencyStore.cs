using System.Collections.Concurrent;
using System.Text.Json;

namespace EShop.Sandbox;

// Stripe-style idempotency: the first response under a key is kept and answered again to a repeat of the same
// request, so a caller that lost a response can retry without moving money twice. TScope keeps the processor's keys
// apart from the carrier's: they stand for two companies, and a key sent to one means nothing to the other.
internal sealed class IdempotencyStore<TScope>
{
    private const string Header = "Idempotency-Key";
    private readonly ConcurrentDictionary<string, IdempotencyEntry> entries = new(StringComparer.Ordinal);

    public async Task<IResult> RunAsync<TRequest>(HttpContext http, Func<TRequest, ApiResponse> work)
        where TRequest : class, ISandboxRequest
    {
        if (KeyOf(http) is not { } key)
        {
            return SandboxErrors.IdempotencyKeyRequired.ToResult();
        }

        if (await SandboxJson.ReadAsync<TRequest>(http.Request) is not { } request)
        {
            return SandboxErrors.InvalidRequest.ToResult();
        }

        // Not kept, as at Stripe: a request that was never processed may be corrected and sent again under its key.
        if (request.Validate() is { } invalid)
        {
            return invalid.ToResult();
        }

        // The parsed body, not the raw bytes, so spacing and field order do not make a retry look like another request.
        var fingerprint = $"{http.Request.Method} {http.Request.Path} {JsonSerializer.Serialize(request, SandboxJson.Options)}";
        return (await OnceAsync(key, fingerprint, () => work(request), http.RequestAborted)).ToResult();
    }

    // For calls the path describes completely (capture, void): a body, if any, is ignored.
    public async Task<IResult> RunAsync(HttpContext http, Func<ApiResponse> work) =>
        KeyOf(http) is { } key
            ? (await OnceAsync(key, $"{http.Request.Method} {http.Request.Path}", work, http.RequestAborted)).ToResult()
            : SandboxErrors.IdempotencyKeyRequired.ToResult();

    private async Task<ApiResponse> OnceAsync(string key, string fingerprint, Func<ApiResponse> work, CancellationToken cancellationToken)
    {
        var entry = entries.GetOrAdd(key, static _ => new IdempotencyEntry());

        // One request per key at a time: a concurrent repeat waits, then gets the first one's response.
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            if (entry.Response is { } first)
            {
                return entry.Fingerprint == fingerprint ? first : SandboxErrors.IdempotencyKeyReused;
            }

            entry.Fingerprint = fingerprint;
            entry.Response = work();
            return entry.Response;
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private static string? KeyOf(HttpContext http) =>
        http.Request.Headers[Header].ToString() is var key && !string.IsNullOrWhiteSpace(key) ? key : null;
}
