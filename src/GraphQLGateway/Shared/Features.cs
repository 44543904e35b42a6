namespace EShop.GraphQLGateway.Shared;

// Feature flags of the storefront API (Microsoft.FeatureManagement, section FeatureManagement in appsettings.json),
// read at each request, so a configuration reload switches them on a running gateway.
public static class Features
{
    // EXPRESS in shippingQuote and at checkout. Off, only STANDARD is offered; an EXPRESS checkout is a user error.
    public const string ExpressShipping = "ExpressShipping";
}
