using System.Collections.Immutable;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using EShop.Ordering;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace EShop.Shipping;

// The carrier's HTTP API (src/Sandbox serves a sandbox carrier). The HttpClient comes with the silo's resilience pipeline.
public sealed class HttpCarrier(HttpClient http) : ICarrier
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    private sealed record LabelRequest(string Reference, string Country, string PostalCode, int WeightGrams, ShippingSpeed Speed);

    private sealed record Answer(string TrackingNumber, string Carrier, ImmutableArray<TrackingEvent> Events);

    public Task<CarrierTracking> CreateLabelAsync(Guid orderId, Address destination, int weightGrams, ShippingSpeed speed) =>
        SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "carrier/v1/labels")
            {
                // A product without a weight still makes a parcel that weighs something.
                Content = JsonContent.Create(new LabelRequest(
                    orderId.ToString(), destination.Country.Trim().ToUpperInvariant(), destination.PostalCode.Trim(), Math.Max(weightGrams, 1), speed), options: Json),
            };
            request.Headers.Add("Idempotency-Key", $"{orderId:N}:label");
            return request;
        });

    public Task<CarrierTracking> TrackAsync(string trackingNumber) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, $"carrier/v1/shipments/{Uri.EscapeDataString(trackingNumber)}"));

    private async Task<CarrierTracking> SendAsync(Func<HttpRequestMessage> request)
    {
        try
        {
            using var message = request();
            using var response = await http.SendAsync(message);
            if ((int)response.StatusCode >= 500)
            {
                throw new CarrierUnavailableException($"The carrier answered {(int)response.StatusCode}.");
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new CarrierRejectedException($"The carrier refused the parcel: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            var answer = (await response.Content.ReadFromJsonAsync<Answer>(Json))!;
            return new CarrierTracking(answer.TrackingNumber, answer.Carrier, answer.Events);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or TaskCanceledException)
        {
            throw new CarrierUnavailableException($"The carrier could not be reached: {exception.Message}");
        }
    }
}
