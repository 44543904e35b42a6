using EShop.GraphQLGateway.Shared;
using EShop.Ordering;

namespace EShop.GraphQLGateway.Ordering;

public sealed class OrderConnectionGraphType : ConnectionGraphType<OrderEdgeGraphType, OrderSnapshot>;
