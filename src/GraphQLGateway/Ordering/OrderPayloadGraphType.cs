using EShop.GraphQLGateway.Shared;
using EShop.Ordering;

namespace EShop.GraphQLGateway.Ordering;

public sealed class OrderPayloadGraphType() : PayloadGraphType<OrderGraphType, OrderSnapshot>("order");
