using EShop.Ordering;

namespace EShop.Tests.Shared;

public static class Orders
{
    // Paid, or further on: with the saga cluster's one-second carrier, a paid parcel is soon picked up.
    public static readonly Func<OrderSnapshot, bool> Paid = o => o.Status is OrderStatus.Paid or OrderStatus.Shipped or OrderStatus.Delivered;

    // The order once it matches done: the saga moves it after checkout has answered.
    public static async Task<OrderSnapshot> WaitForAsync(IGrainFactory grains, Guid orderId, Func<OrderSnapshot, bool> done, TimeSpan? timeout = null)
    {
        var order = await Eventually.MatchesAsync(() => grains.GetGrain<IOrderGrain>(orderId).GetAsync(), o => o is not null && done(o), timeout ?? TimeSpan.FromSeconds(20));
        Assert.True(order is not null && done(order), $"Order {orderId} is {order?.Status}: {string.Join(", ", order?.Timeline.Select(e => $"{e.Type} {e.Detail}") ?? [])}");
        return order!;
    }
}
