using EShop.Customers;
using EShop.GraphQLGateway.Shared;
using EShop.Ordering;
using GraphQL;

namespace EShop.GraphQLGateway.Ordering;

public static class OrderAccess
{
    // The order if the caller may see it (its owner, or whoever may read any order: SUPPORT, ADMIN), null if there is none; FORBIDDEN for anyone else.
    public static async Task<OrderSnapshot?> GetVisibleOrderAsync(this IResolveFieldContext context, IGrainFactory grains, string orderId)
    {
        context.RequireCustomer();
        if (!Guid.TryParse(orderId, out var id) || await grains.GetGrain<IOrderGrain>(id).GetAsync() is not { } order)
        {
            return null;
        }

        await context.RequireOwnerOrAsync(order.CustomerId, Permissions.OrdersReadAny);
        return order;
    }
}
