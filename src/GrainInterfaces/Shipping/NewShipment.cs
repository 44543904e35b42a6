namespace EShop.Shipping;

/// <summary>A shipment as the carrier labelled it, handed to the shipment grain inside the transaction that pays the order.</summary>
[GenerateSerializer, Immutable, Alias("eshop.shipping.NewShipment")]
public sealed record NewShipment(
    [property: Id(0)] string TrackingNumber,
    [property: Id(1)] string Carrier,
    [property: Id(2)] TrackingEvent Created);
