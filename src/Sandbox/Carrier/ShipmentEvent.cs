namespace EShop.Sandbox.Carrier;

internal sealed record ShipmentEvent(ShipmentStatus Status, DateTimeOffset At, string Location);
