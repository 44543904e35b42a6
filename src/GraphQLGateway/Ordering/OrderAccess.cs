using EShop.GraphQLGateway.Shared;
using EShop.Ordering;
using GraphQL;

namespace EShop.GraphQLGateway.Ordering;

public static class OrderAccess
{
    // The order if the caller may see it (owner or ADMIN), null if there is none; FORBIDDEN for anyone else.
    public static async Task<OrderSnapshot?> GetVisibleOrderAsync(this IResolveFieldContext context, IGrainFactory grains, string orderId)
    {
        context.RequireCustomer();
        if (!Guid.TryParse(orderId, out var id) || await grains.GetGrain<IOrderGrain>(id).GetAsync() is not { } order)
        {
            return null;
        }

        context.RequireOwnerOrAdmin(order.CustomerId);
        return order;
    }
}
