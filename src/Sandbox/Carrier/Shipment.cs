namespace EShop.Sandbox.Carrier;

// A parcel's progress is a function of the time since its label: reading it at any moment gives the steps elapsed
// by then, so no timer runs and a fake TimeProvider moves parcels in tests.
internal sealed record Shipment(string TrackingNumber, LabelRequest Label, DateTimeOffset LabelCreatedAt)
{
    public const string Carrier = "Sandbox Post";

    public ShipmentResponse At(DateTimeOffset now, TimeSpan stepInterval)
    {
        // Stops at Delivered: the sandbox never loses a parcel (EXCEPTION) on its own.
        var steps = (int)Math.Clamp(Math.Floor((now - LabelCreatedAt) / stepInterval), 0, (int)ShipmentStatus.Delivered);
        ShipmentEvent[] events =
        [
            .. Enumerable.Range(0, steps + 1)
                .Select(k => (ShipmentStatus)k)
                .Select(status => new ShipmentEvent(status, LabelCreatedAt + (int)status * stepInterval, LocationOf(status))),
        ];
        return new ShipmentResponse(TrackingNumber, Carrier, events[^1].Status, events, Label.Reference!);
    }

    private string LocationOf(ShipmentStatus status) => status switch
    {
        ShipmentStatus.LabelCreated => "Sandbox Post online",
        ShipmentStatus.PickedUp => "Sandbox Post hub",
        ShipmentStatus.InTransit => $"Sorting centre, {Label.Country!.ToUpperInvariant()}",
        ShipmentStatus.OutForDelivery => $"Out for delivery, {Label.PostalCode}",
        _ => $"Delivered, {Label.PostalCode} {Label.Country!.ToUpperInvariant()}",
    };
}
