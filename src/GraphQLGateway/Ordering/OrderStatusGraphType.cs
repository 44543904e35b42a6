using EShop.Ordering;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Ordering;

public sealed class OrderStatusGraphType : EnumerationGraphType<OrderStatus>;
