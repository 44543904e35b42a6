namespace EShop.Payments;

// Bound from EShop:Payments.
public sealed class PaymentsOptions
{
    public const string Section = "EShop:Payments";

    // The card processor's base URL. Unset, the silo serves the sandbox processor itself on a loopback port, so the
    // same HTTP client path runs in a bare `dotnet run` and in the test cluster.
    public Uri? ProcessorUrl { get; set; }
}
