using EShop.Customers;

namespace EShop.Tests.Shared;

public static class ShopClient
{
    // Tests drive the grains as the shop's own jobs do: their calls carry the system permission, unless a test gives
    // a call another one to see it refused.
    public static IClientBuilder ActingAsTheShop(this IClientBuilder client) =>
        client.AddOutgoingGrainCallFilter(context =>
        {
            if (RequestContext.Get(StaffContext.Key) is null)
            {
                StaffContext.Grant(StaffContext.System);
            }

            return context.Invoke();
        });
}
