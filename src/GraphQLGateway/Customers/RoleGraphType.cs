using EShop.Customers;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Customers;

public sealed class RoleGraphType : EnumerationGraphType<Role>;
