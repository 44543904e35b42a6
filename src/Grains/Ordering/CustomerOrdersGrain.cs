using EShop.Shared;

namespace EShop.Ordering;

// A customer's orders, newest first. Each is an event of the ordering event log (a row of its own on PostgreSQL,
// appended in a commit shared with others), read once when the grain activates: adding an order writes that row,
// where the whole list as one grain-state value was rewritten on every checkout (22 KB at 200 orders, in the checkout
// benchmark). A list stored that way before is still read, and never written again.
[GrainType("eshop.ordering.customer-orders")]
public sealed class CustomerOrdersGrain(
    [PersistentState(StateNames.CustomerOrders, StorageNames.Ordering)] IPersistentState<List<PlacedOrder>> earlier,
    IEventLog log) : Grain, ICustomerOrdersGrain
{
    private List<PlacedOrder> _orders = [];

    // The events in the log as this activation last read or appended them.
    private int _logged;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => ReadAsync();

    // Refused appends in a row before an add gives up (the log is not as appends leave it).
    private const int MaxAttempts = 5;

    public async Task AddAsync(Guid orderId, DateTimeOffset placedAt)
    {
        // A refused append (another activation wrote first while a silo died, or an earlier append of this one whose
        // failure hid that it committed) reads the log again: the order may be in it already. An append that failed
        // fails the call; its caller (the order's outbox) adds it again, which lands here.
        for (var attempt = 1; !_orders.Exists(o => o.OrderId == orderId); attempt++)
        {
            if (attempt > MaxAttempts)
            {
                throw new InvalidOperationException($"The order history of {this.GetGrainId()} refused {MaxAttempts} appends in a row.");
            }

            var order = new PlacedOrder(orderId, placedAt);
            if (await log.AppendAsync(this.GetGrainId(), _logged, [order]))
            {
                _logged++;
                Insert(order);
                return;
            }

            await ReadAsync();
        }
    }

    public Task<OrderIdPage> GetPageAsync(int offset, int limit) =>
        Task.FromResult(new OrderIdPage([.. _orders.Skip(offset).Take(limit).Select(o => o.OrderId)], offset, _orders.Count));

    private async Task ReadAsync()
    {
        var logged = await log.ReadAsync<PlacedOrder>(this.GetGrainId());
        (_orders, _logged) = ([], logged.Count);
        // An order both in the earlier list and in the log (a silo of the earlier version added it while this one ran)
        // is listed once.
        foreach (var order in earlier.State.AsEnumerable().Reverse().Concat(logged).DistinctBy(o => o.OrderId))
        {
            Insert(order);
        }
    }

    // Newest first; two checkouts of one customer can finish out of order, so by time rather than prepended. Of two
    // at one time, the one added later comes first.
    private void Insert(PlacedOrder order)
    {
        var index = _orders.FindIndex(o => o.PlacedAt <= order.PlacedAt);
        _orders.Insert(index < 0 ? _orders.Count : index, order);
    }
}
