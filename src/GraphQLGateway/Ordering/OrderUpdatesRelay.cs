using EShop.GraphQLGateway.Shared;
using EShop.Ordering;

namespace EShop.GraphQLGateway.Ordering;

// One subscriber's relay of an order's changes: the order as it is now, then after every change.
internal sealed class OrderUpdatesRelay : ObserverRelay<IOrderObserver, OrderSnapshot>, IOrderObserver
{
    private readonly Guid _orderId;
    private int _timelineSent = -1;

    private OrderUpdatesRelay(IGrainFactory grains, Guid orderId, IObserver<OrderSnapshot> subscriber, TimeProvider time, ILogger logger)
        : base(grains, subscriber, time, OrderUpdatesObservable.RenewEvery, logger) => _orderId = orderId;

    protected override string Subject => $"order {_orderId}";

    private IOrderUpdatesGrain Updates => IOrderUpdatesGrain.For(Grains, _orderId);

    public static OrderUpdatesRelay Start(IGrainFactory grains, Guid orderId, IObserver<OrderSnapshot> subscriber, TimeProvider time, ILogger logger)
    {
        var relay = new OrderUpdatesRelay(grains, orderId, subscriber, time, logger);
        relay.Begin();
        return relay;
    }

    public Task OnOrderUpdated(OrderSnapshot order)
    {
        Forward(order);
        return Task.CompletedTask;
    }

    protected override Task<bool> SubscribeAsync(IOrderObserver reference) => Updates.SubscribeAsync(_orderId, reference);

    protected override Task UnsubscribeAsync(IOrderObserver reference) => Updates.UnsubscribeAsync(_orderId, reference);

    // The order as it is now, first and after a lost subscription: every kind of change shows in it.
    protected override async Task CatchUpAsync(bool lost) => Forward(await Grains.GetGrain<IOrderGrain>(_orderId).GetAsync());

    // Every change adds to the timeline, so its length orders two snapshots of one order: an older one is dropped.
    protected override bool Accept(OrderSnapshot order)
    {
        if (order.Timeline.Length < _timelineSent)
        {
            return false;
        }

        _timelineSent = order.Timeline.Length;
        return true;
    }
}
