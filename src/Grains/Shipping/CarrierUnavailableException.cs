namespace EShop.Shipping;

// The carrier could not be reached; the order process tries again on its next reminder.
[GenerateSerializer, Alias("eshop.shipping.CarrierUnavailableException")]
public sealed class CarrierUnavailableException(string message) : Exception(message);
