namespace EShop.Shipping;

// The carrier refused a parcel (an address or parcel it does not take): asking again would not change its answer.
[GenerateSerializer, Alias("eshop.shipping.CarrierRejectedException")]
public sealed class CarrierRejectedException(string message) : Exception(message);
