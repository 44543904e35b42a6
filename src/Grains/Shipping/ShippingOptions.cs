namespace EShop.Shipping;

// Bound from EShop:Shipping.
public sealed class ShippingOptions
{
    public const string Section = "EShop:Shipping";

    // The carrier's base URL; unset, the silo serves the sandbox carrier itself (as for the payment processor).
    public Uri? CarrierUrl { get; set; }

    // The sandbox carrier moves a parcel one status per interval, and shipments are tracked as often.
    public TimeSpan SandboxStepInterval { get; set; } = TimeSpan.FromMinutes(2);
}
