using EShop.Shipping;

namespace EShop.GraphQLGateway.Shipping;

public static class ShipmentLookup
{
    // Tracking numbers are the carrier's; anything much longer is not one, and is not worth a grain.
    private const int MaxTrackingNumberLength = 64;

    // The index names the order that claimed the number; that order's shipment carries it only once its label
    // transaction committed (ITrackingNumberGrain).
    public static async Task<ShipmentSnapshot?> FindShipmentAsync(this IGrainFactory grains, string trackingNumber) =>
        trackingNumber.Length is > 0 and <= MaxTrackingNumberLength
        && await grains.GetGrain<ITrackingNumberGrain>(trackingNumber).GetAsync() is { } orderId
        && await grains.GetGrain<IShipmentGrain>(orderId).GetAsync() is { } shipment
        && shipment.TrackingNumber == trackingNumber
            ? shipment
            : null;
}
