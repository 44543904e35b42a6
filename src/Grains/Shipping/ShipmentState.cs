using EShop.Shared;

namespace EShop.Shipping;

// A shipment and the rule of its statuses: along LABEL_CREATED → … → DELIVERED, never backwards; EXCEPTION can
// interrupt it until delivery, and the next status at or past the last one reached resumes it.
[GenerateSerializer, Alias("eshop.shipping.ShipmentState")]
public sealed class ShipmentState
{
    [Id(0)] public string TrackingNumber { get; set; } = "";
    [Id(1)] public string Carrier { get; set; } = "";
    [Id(2)] public List<TrackingEvent> Events { get; set; } = [];

    public bool Created => Events.Count > 0;

    // Private, as memory storage serializes public properties, and a new shipment has no status.
    private ShipmentStatus Status => Events[^1].Status;

    private ShipmentStatus Reached => Events.Where(e => e.Status != ShipmentStatus.Exception).Max(e => e.Status);

    public ShipmentSnapshot? ToSnapshot(Guid orderId) =>
        Created ? new(orderId, TrackingNumber, Carrier, Status, [.. Events]) : null;

    // True when the event moved the shipment; false when it was there already. An error for a step backwards.
    public Result<bool> Advance(TrackingEvent tracking)
    {
        if (!Created)
        {
            return Result<bool>.Fail(UserError.Of(ErrorCodes.NotFound, "The shipment does not exist.", "trackingNumber"));
        }

        var reached = Reached;
        if (reached == ShipmentStatus.Delivered)
        {
            return tracking.Status == ShipmentStatus.Delivered
                ? Result<bool>.Ok(false)
                : Result<bool>.Fail(UserError.Of(ErrorCodes.InvalidState, "The shipment is delivered; its status cannot change.", "status"));
        }

        var moves = tracking.Status switch
        {
            ShipmentStatus.Exception => Status != ShipmentStatus.Exception,
            _ when tracking.Status < reached => (bool?)null,
            _ => tracking.Status > reached || Status == ShipmentStatus.Exception,
        };

        if (moves is null)
        {
            return Result<bool>.Fail(UserError.Of(
                ErrorCodes.InvalidState, $"The shipment is {Status}; it cannot go back to {tracking.Status}.", "status"));
        }

        if (moves.Value)
        {
            Events.Add(tracking);
        }

        return Result<bool>.Ok(moves.Value);
    }
}
