using System.Text.Json.Serialization;

namespace EShop.Sandbox.Carrier;

// In the order a parcel goes through them: Shipment counts steps along this order.
[JsonConverter(typeof(JsonStringEnumConverter<ShipmentStatus>))]
internal enum ShipmentStatus
{
    [JsonStringEnumMemberName("LABEL_CREATED")]
    LabelCreated,

    [JsonStringEnumMemberName("PICKED_UP")]
    PickedUp,

    [JsonStringEnumMemberName("IN_TRANSIT")]
    InTransit,

    [JsonStringEnumMemberName("OUT_FOR_DELIVERY")]
    OutForDelivery,

    [JsonStringEnumMemberName("DELIVERED")]
    Delivered,
}
