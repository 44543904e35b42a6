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
    private OwnEventLog<PlacedOrder>? _log;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _log = new OwnEventLog<PlacedOrder>(log, this.GetGrainId());
        Show(await _log.ReadAsync());
    }

    public Task AddAsync(Guid orderId, DateTimeOffset placedAt) => _log!.AppendMissingAsync(
        () => _orders.Exists(o => o.OrderId == orderId) ? null : new PlacedOrder(orderId, placedAt), Insert, Show);

    public Task<OrderIdPage> GetPageAsync(int offset, int limit) =>
        Task.FromResult(new OrderIdPage([.. _orders.Skip(offset).Take(limit).Select(o => o.OrderId)], offset, _orders.Count));

    private void Show(IReadOnlyList<PlacedOrder> logged)
    {
        _orders = [];

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
