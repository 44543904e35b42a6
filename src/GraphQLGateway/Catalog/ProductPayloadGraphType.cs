using EShop.Catalog;
using EShop.GraphQLGateway.Shared;

namespace EShop.GraphQLGateway.Catalog;

public sealed class ProductPayloadGraphType() : PayloadGraphType<ProductGraphType, ProductSnapshot>("product");
