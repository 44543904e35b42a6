namespace EShop.Sandbox.Carrier;

internal sealed record ShipmentResponse(
    string TrackingNumber,
    string Carrier,
    ShipmentStatus Status,
    IReadOnlyList<ShipmentEvent> Events,
    string Reference);
