using EShop.Shipping;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Shipping;

public sealed class ShipmentStatusGraphType : EnumerationGraphType<ShipmentStatus>;
