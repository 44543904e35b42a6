using EShop.GraphQLGateway.Schema;
using EShop.Shared;
using GraphQL;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Ordering;

public sealed class OrderingSubscriptions(IGrainFactory grains, TimeProvider time, ILogger<OrderUpdatesObservable> logger) : ISubscriptionFields
{
    public void AddTo(ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<OrderGraphType>>("orderUpdated")
            .Description("The order as it is now, then again after every change to it. Its owner or an ADMIN may follow it; anyone else gets FORBIDDEN.")
            .Argument<NonNullGraphType<IdGraphType>>("orderId")
            .ResolveStreamAsync(async c =>
            {
                // Checked once, when the subscription starts: the owner of an order stays its owner.
                var order = await c.GetVisibleOrderAsync(grains, c.GetArgument<string>("orderId"))
                    ?? throw new ExecutionError("The order does not exist.") { Code = ErrorCodes.NotFound };
                return new OrderUpdatesObservable(grains, order.Id, time, logger);
            });
    }
}
