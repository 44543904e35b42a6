using EShop.Payments;

namespace EShop.GraphQLGateway.Payments;

// A card as the gateway shows it: the code is what the caller gave or was just given; the cluster keeps only its key.
public sealed record GiftCard(string Code, GiftCardSnapshot Card);
