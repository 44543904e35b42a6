using EShop.Ordering;

namespace EShop.Shipping;

// The carrier, a third party: it labels a parcel (an idempotent call: the same order gets the same label) and reports
// where it is. Calls throw CarrierUnavailableException when it cannot be reached.
public interface ICarrier
{
    Task<CarrierTracking> CreateLabelAsync(Guid orderId, Address destination, int weightGrams, ShippingSpeed speed);

    Task<CarrierTracking> TrackAsync(string trackingNumber);
}
