using System.Threading.Channels;
using EShop.Ordering;
using EShop.Shared;
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
        var updates = IOrderUpdatesGrain.For(_grains, order.Id);
        await updates.SubscribeAsync(order.Id, reference);

        await _grains.GetGrain<IOrderProcessGrain>(order.Id).CancelAsync("changed my mind");

        // The OrderPlaced event may reach the grain after the subscription too: the observer is told of that as well.
        var told = await observer.NextAsync(o => o.Status == OrderStatus.Cancelled);
        await updates.UnsubscribeAsync(order.Id, reference);
        _grains.DeleteObjectReference<IOrderObserver>(reference);
        Assert.Equal((order.Id, customerId), (told.Id, told.CustomerId));
        Assert.Contains(told.Timeline, e => e.Type == OrderTimeline.Cancelled && e.Detail == "changed my mind");
    }

    [Fact]
    public async Task Cancel_IsToldOnlyToTheObserversOfThatOrder()
    {
        // Two orders on one partition of the ordering stream, so one grain relays both.
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 5);
        var first = await PlaceAsync(product.Id, _ => true);
        var second = await PlaceAsync(product.Id, id => StreamNames.OrderingKey(id) == StreamNames.OrderingKey(first));
        var (ofFirst, ofSecond) = (new RecordingObserver(), new RecordingObserver());
        var (firstReference, secondReference) = (_grains.CreateObjectReference<IOrderObserver>(ofFirst), _grains.CreateObjectReference<IOrderObserver>(ofSecond));
        var updates = IOrderUpdatesGrain.For(_grains, first);
        await updates.SubscribeAsync(first, firstReference);
        await updates.SubscribeAsync(second, secondReference);

        await _grains.GetGrain<IOrderProcessGrain>(second).CancelAsync("only this one");
        await ofSecond.NextAsync(o => o.Status == OrderStatus.Cancelled);
        await _grains.GetGrain<IOrderProcessGrain>(first).CancelAsync("and now this one");
        var told = await ofFirst.NextAsync(o => o.Status == OrderStatus.Cancelled);

        await updates.UnsubscribeAsync(first, firstReference);
        await updates.UnsubscribeAsync(second, secondReference);
        _grains.DeleteObjectReference<IOrderObserver>(firstReference);
        _grains.DeleteObjectReference<IOrderObserver>(secondReference);
        Assert.Equal(first, told.Id);
        Assert.DoesNotContain(ofFirst.Received, o => o.Id == second);
    }

    [Fact]
    public async Task Subscribe_TellsWhetherTheObserverWasNew()
    {
        var orderId = Guid.NewGuid();
        var updates = IOrderUpdatesGrain.For(_grains, orderId);
        var reference = _grains.CreateObjectReference<IOrderObserver>(new RecordingObserver());

        var first = await updates.SubscribeAsync(orderId, reference);
        var renewal = await updates.SubscribeAsync(orderId, reference);
        var anotherOrder = Enumerable.Repeat(0, 10_000).Select(_ => Guid.NewGuid()).First(id => StreamNames.OrderingKey(id) == StreamNames.OrderingKey(orderId));
        var ofAnotherOrder = await updates.SubscribeAsync(anotherOrder, reference);
        await updates.UnsubscribeAsync(orderId, reference);
        var afterUnsubscribe = await updates.SubscribeAsync(orderId, reference);
        var anotherStill = await updates.SubscribeAsync(anotherOrder, reference);
        await updates.UnsubscribeAsync(orderId, reference);
        await updates.UnsubscribeAsync(anotherOrder, reference);
        _grains.DeleteObjectReference<IOrderObserver>(reference);

        Assert.Equal((true, false, true, true, false), (first, renewal, ofAnotherOrder, afterUnsubscribe, anotherStill));
    }

    // Places an order of one unit whose id passes wanted (idempotency keys are tried until one does).
    private async Task<Guid> PlaceAsync(string productId, Func<Guid, bool> wanted)
    {
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (productId, 1));
        var key = Enumerable.Range(0, 10_000).Select(i => $"updates-{i}").First(k => wanted(OrderIds.ForCheckout(customerId, k)));
        return (await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId, key))).Value!.Id;
    }

    private sealed class RecordingObserver : IOrderObserver
    {
        private readonly Channel<OrderSnapshot> _orders = Channel.CreateUnbounded<OrderSnapshot>();

        public System.Collections.Concurrent.ConcurrentQueue<OrderSnapshot> Received { get; } = new();

        public Task OnOrderUpdated(OrderSnapshot order)
        {
            Received.Enqueue(order);
            return _orders.Writer.WriteAsync(order).AsTask();
        }

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
