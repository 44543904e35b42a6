using EShop.GraphQLGateway.Shared;

namespace EShop.GraphQLGateway.Payments;

public sealed class GiftCardPayloadGraphType() : PayloadGraphType<GiftCardGraphType, GiftCard>("giftCard");
