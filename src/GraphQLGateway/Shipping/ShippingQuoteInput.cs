using EShop.Shipping;

namespace EShop.GraphQLGateway.Shipping;

public sealed record ShippingQuoteInput(string Country, string PostalCode, List<QuoteLine>? Lines);
