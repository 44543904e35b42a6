using System.Threading.Channels;
using EShop.Ordering;
using EShop.Tests.Shared;

namespace EShop.Tests.Ordering;

[Collection(ClusterCollection.Name)]
public sealed class OrderUpdatesGrainTests(EShopClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Cancel_TellsASubscribedObserverTheCancelledOrder()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 1));
        var order = (await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId))).Value!;
        var observer = new RecordingObserver();
        var reference = _grains.CreateObjectReference<IOrderObserver>(observer);
        var updates = _grains.GetGrain<IOrderUpdatesGrain>(order.Id.ToString());
        await updates.SubscribeAsync(reference);

        await _grains.GetGrain<IOrderProcessGrain>(order.Id).CancelAsync("changed my mind");

        // The OrderPlaced event may reach the grain after the subscription too: the observer is told of that as well.
        var told = await observer.NextAsync(o => o.Status == OrderStatus.Cancelled);
        await updates.UnsubscribeAsync(reference);
        _grains.DeleteObjectReference<IOrderObserver>(reference);
        Assert.Equal((order.Id, customerId), (told.Id, told.CustomerId));
        Assert.Contains(told.Timeline, e => e.Type == OrderTimeline.Cancelled && e.Detail == "changed my mind");
    }

    [Fact]
    public async Task Subscribe_TellsWhetherTheObserverWasNew()
    {
        var updates = _grains.GetGrain<IOrderUpdatesGrain>(Guid.NewGuid().ToString());
        var reference = _grains.CreateObjectReference<IOrderObserver>(new RecordingObserver());

        var first = await updates.SubscribeAsync(reference);
        var renewal = await updates.SubscribeAsync(reference);
        await updates.UnsubscribeAsync(reference);
        var afterUnsubscribe = await updates.SubscribeAsync(reference);
        await updates.UnsubscribeAsync(reference);
        _grains.DeleteObjectReference<IOrderObserver>(reference);

        Assert.Equal((true, false, true), (first, renewal, afterUnsubscribe));
    }

    private sealed class RecordingObserver : IOrderObserver
    {
        private readonly Channel<OrderSnapshot> _orders = Channel.CreateUnbounded<OrderSnapshot>();

        public Task OnOrderUpdated(OrderSnapshot order) => _orders.Writer.WriteAsync(order).AsTask();

        public async Task<OrderSnapshot> NextAsync(Func<OrderSnapshot, bool> done)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            while (true)
            {
                var order = await _orders.Reader.ReadAsync(timeout.Token);
                if (done(order))
                {
                    return order;
                }
            }
        }
    }
}
