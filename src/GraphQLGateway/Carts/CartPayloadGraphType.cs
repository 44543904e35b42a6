using EShop.Carts;
using EShop.GraphQLGateway.Shared;

namespace EShop.GraphQLGateway.Carts;

public sealed class CartPayloadGraphType() : PayloadGraphType<CartGraphType, CartSnapshot>("cart");
