using EShop.Catalog;
using EShop.GraphQLGateway.Shared;

namespace EShop.GraphQLGateway.Catalog;

public sealed class ProductConnectionGraphType : ConnectionGraphType<ProductEdgeGraphType, ProductSnapshot>;
