using Microsoft.FeatureManagement;

namespace EShop.Sandbox.Carrier;

internal static class CarrierEndpoints
{
    public static IEndpointRouteBuilder MapCarrier(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/carrier/v1");
        api.MapPost("/labels", CreateLabel);
        api.MapGet("/shipments/{trackingNumber}", GetShipment);
        api.MapGet("/shipments", ListShipments);
        return endpoints;
    }

    private static Task<IResult> CreateLabel(HttpContext http, IdempotencyStore<CarrierLedger> idempotency, CarrierLedger carrier) =>
        idempotency.RunAsync<LabelRequest>(http, carrier.CreateLabel);

    private static async Task<IResult> GetShipment(string trackingNumber, CarrierLedger carrier, IFeatureManager features) =>
        carrier.Find(trackingNumber, await features.IsEnabledAsync(CarrierFeatures.AutomaticProgress)).ToResult();

    private static IResult ListShipments(CarrierLedger carrier) => Results.Json(carrier.All(), SandboxJson.Options);
}
