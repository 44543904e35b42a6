using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace EShop.Sandbox.Carrier;

internal sealed class CarrierLedger(TimeProvider time, IOptions<CarrierOptions> options)
{
    private const string TrackingAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    // Case-insensitive: people type tracking numbers.
    private readonly ConcurrentDictionary<string, Shipment> shipments = new(StringComparer.OrdinalIgnoreCase);

    private TimeSpan StepInterval => options.Value.SandboxStepInterval;

    public ApiResponse CreateLabel(LabelRequest request)
    {
        var now = time.GetUtcNow();
        Shipment shipment;
        do
        {
            shipment = new Shipment($"SBX{RandomNumberGenerator.GetString(TrackingAlphabet, 12)}", request, now);
        }
        while (!shipments.TryAdd(shipment.TrackingNumber, shipment));

        return ApiResponse.Ok(shipment.At(now, StepInterval));
    }

    // moving: whether parcels progress on their own (CarrierFeatures.AutomaticProgress); if not, as labelled.
    public ApiResponse Find(string trackingNumber, bool moving) =>
        shipments.TryGetValue(trackingNumber, out var shipment)
            ? ApiResponse.Ok(shipment.At(moving ? time.GetUtcNow() : shipment.LabelCreatedAt, StepInterval))
            : SandboxErrors.NotFound;

    public IReadOnlyList<ShipmentResponse> All()
    {
        var now = time.GetUtcNow();
        return [.. shipments.Values.OrderBy(s => s.LabelCreatedAt).Select(s => s.At(now, StepInterval))];
    }
}
