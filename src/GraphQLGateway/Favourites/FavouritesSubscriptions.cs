using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Favourites;

public sealed class FavouritesSubscriptions(IGrainFactory grains, TimeProvider time, ILogger<NotificationsObservable> logger) : ISubscriptionFields
{
    public void AddTo(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<NotificationGraphType>>("notificationAdded")
            .Description("The signed-in customer's notifications as they arrive.")
            .ResolveStream(c => new NotificationsObservable(grains, c.RequireCustomer(), time, logger));
    }
}
