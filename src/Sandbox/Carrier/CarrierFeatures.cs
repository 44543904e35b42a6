namespace EShop.Sandbox.Carrier;

// Feature flags (Microsoft.FeatureManagement, section FeatureManagement), read at each request, so a configuration
// reload switches them on a running sandbox.
public static class CarrierFeatures
{
    // Parcels move on their own, one status per EShop:Shipping:SandboxStepInterval. Off: they stay where their label
    // left them, and only advanceShipment moves an order's shipment.
    public const string AutomaticProgress = "SandboxCarrierProgress";
}
