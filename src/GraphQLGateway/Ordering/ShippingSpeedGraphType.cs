using EShop.Ordering;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Ordering;

public sealed class ShippingSpeedGraphType : EnumerationGraphType<ShippingSpeed>;
