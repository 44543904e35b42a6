using EShop.Shipping;

namespace EShop.GraphQLGateway.Shipping;

public static class ShipmentLookup
{
    // Tracking numbers are the carrier's; anything much longer is not one, and is not worth a grain.
    private const int MaxTrackingNumberLength = 64;

    public static async Task<ShipmentSnapshot?> FindShipmentAsync(this IGrainFactory grains, string trackingNumber) =>
        trackingNumber.Length is > 0 and <= MaxTrackingNumberLength
        && await grains.GetGrain<ITrackingNumberGrain>(trackingNumber).GetAsync() is { } orderId
            ? await grains.GetGrain<IShipmentGrain>(orderId).GetAsync()
            : null;
}
