using EShop.Favourites;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Favourites;

public sealed class NotificationKindGraphType : EnumerationGraphType<NotificationKind>;
