using EShop.GraphQLGateway.Shared;
using EShop.Payments;

namespace EShop.GraphQLGateway.Payments;

public sealed class GiftCardPayloadGraphType() : PayloadGraphType<GiftCardGraphType, GiftCardSnapshot>("giftCard");
