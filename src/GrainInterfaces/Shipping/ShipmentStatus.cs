namespace EShop.Shipping;

// In the order a parcel moves; Exception is a side state (a problem on the way), reachable until delivery.
[GenerateSerializer, Alias("eshop.shipping.ShipmentStatus")]
public enum ShipmentStatus
{
    LabelCreated,
    PickedUp,
    InTransit,
    OutForDelivery,
    Delivered,
    Exception,
}
