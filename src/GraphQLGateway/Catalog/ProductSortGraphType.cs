using EShop.Catalog;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Catalog;

public sealed class ProductSortGraphType : EnumerationGraphType<ProductSort>;
