using EShop.Shared;

namespace EShop.Ordering;

[GrainType("eshop.ordering.customer-orders")]
public sealed class CustomerOrdersGrain(
    [PersistentState(StateNames.CustomerOrders, StorageNames.Ordering)] IPersistentState<List<PlacedOrder>> orders) : Grain, ICustomerOrdersGrain
{
    public async Task AddAsync(Guid orderId, DateTimeOffset placedAt)
    {
        if (orders.State.Exists(o => o.OrderId == orderId))
        {
            return;
        }

        // Newest first; two checkouts of one customer can finish out of order, so insert by time rather than prepend.
        var index = orders.State.FindIndex(o => o.PlacedAt <= placedAt);
        orders.State.Insert(index < 0 ? orders.State.Count : index, new PlacedOrder(orderId, placedAt));
        await orders.WriteStateAsync();
    }

    public Task<OrderIdPage> GetPageAsync(int offset, int limit) =>
        Task.FromResult(new OrderIdPage([.. orders.State.Skip(offset).Take(limit).Select(o => o.OrderId)], offset, orders.State.Count));
}
