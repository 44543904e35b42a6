namespace EShop.Sandbox.Carrier;

// Bound to EShop:Shipping, where the shop's shipping settings live, so one setting paces the sandbox carrier whether
// it runs alone or inside the silo.
internal sealed class CarrierOptions
{
    public const string Section = "EShop:Shipping";

    public TimeSpan SandboxStepInterval { get; set; } = TimeSpan.FromMinutes(2);
}
