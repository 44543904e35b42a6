using System.Collections.Immutable;

namespace EShop.Shipping;

/// <summary>A shipment as tracked: one per order, keyed by the order's id.</summary>
[GenerateSerializer, Immutable, Alias("eshop.shipping.ShipmentSnapshot")]
public sealed record ShipmentSnapshot(
    [property: Id(0)] Guid OrderId,
    [property: Id(1)] string TrackingNumber,
    [property: Id(2)] string Carrier,
    [property: Id(3)] ShipmentStatus Status,
    [property: Id(4)] ImmutableArray<TrackingEvent> Events);
