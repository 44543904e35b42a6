using EShop.Customers;
using EShop.GraphQLGateway.Shared;

namespace EShop.GraphQLGateway.Customers;

public sealed class CustomerPayloadGraphType() : PayloadGraphType<CustomerGraphType, CustomerProfile>("customer");
