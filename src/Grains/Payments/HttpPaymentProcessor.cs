using System.Net;
using System.Net.Http.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace EShop.Payments;

// The processor's HTTP API (Stripe-like; src/Sandbox serves it for tests and the demo). The HttpClient comes with the
// silo's resilience pipeline (timeouts, jittered retries of transient failures, a circuit breaker): what still fails
// here is the processor being unavailable, or an answer that no retry would change.
public sealed class HttpPaymentProcessor(HttpClient http) : IPaymentProcessor
{
    private sealed record AuthorizeRequest(decimal Amount, string Currency, string Token, string Reference);

    private sealed record AmountRequest(decimal Amount);

    private sealed record RefundRequest(string AuthorizationId, decimal Amount);

    private sealed record Answer(string Id, string Status, string? DeclineCode);

    public async Task<ProcessorAuthorization> AuthorizeAsync(string idempotencyKey, string reference, decimal amount, string currency, string token)
    {
        var answer = await PostAsync("processor/v1/authorizations", idempotencyKey, new AuthorizeRequest(amount, currency, token, reference));
        return new ProcessorAuthorization(answer.Id, answer.Status == "approved", answer.DeclineCode);
    }

    public Task CaptureAsync(string idempotencyKey, string authorizationId, decimal amount) =>
        PostAsync($"processor/v1/authorizations/{Uri.EscapeDataString(authorizationId)}/capture", idempotencyKey, new AmountRequest(amount));

    public Task VoidAsync(string idempotencyKey, string authorizationId) =>
        PostAsync($"processor/v1/authorizations/{Uri.EscapeDataString(authorizationId)}/void", idempotencyKey, new { });

    public async Task<string> RefundAsync(string idempotencyKey, string authorizationId, decimal amount) =>
        (await PostAsync("processor/v1/refunds", idempotencyKey, new RefundRequest(authorizationId, amount))).Id;

    private async Task<Answer> PostAsync<T>(string path, string idempotencyKey, T body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or TaskCanceledException)
        {
            throw new PaymentProcessorUnavailableException($"The payment processor could not be reached: {exception.Message}");
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            {
                throw new PaymentProcessorUnavailableException($"The payment processor answered {(int)response.StatusCode}.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The payment processor refused {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            return (await response.Content.ReadFromJsonAsync<Answer>())!;
        }
    }
}
