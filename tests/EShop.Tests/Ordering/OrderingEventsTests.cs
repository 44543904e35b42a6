using System.Collections.Concurrent;
using EShop.Catalog;
using EShop.Catalog.Events;
using EShop.Ordering;
using EShop.Ordering.Events;
using EShop.Shared;
using EShop.Tests.Shared;
using Orleans.Runtime;
using Orleans.Streams;

namespace EShop.Tests.Ordering;

[Collection(ClusterCollection.Name)]
public sealed class OrderingEventsTests(EShopClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task PlaceAndCancel_PublishOrderEventsAfterCommit()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 2));
        var request = Checkouts.Request(customerId);
        var orderId = OrderIds.ForCheckout(customerId, request.IdempotencyKey);
        var received = new ConcurrentQueue<OrderingEvent>();
        var subscription = await fixture.Cluster.Client.GetStreamProvider(StreamNames.Provider)
            .GetStream<OrderingEvent>(StreamId.Create(StreamNames.Ordering, StreamNames.OrderingKey(orderId)))
            .SubscribeAsync((e, _) =>
            {
                // The stream carries the events of every order in the order's partition.
                if (e.OrderId == orderId)
                {
                    received.Enqueue(e);
                }

                return Task.CompletedTask;
            });

        await Checkouts.CheckoutAsync(_grains, request);
        await _grains.GetGrain<IOrderProcessGrain>(orderId).CancelAsync("test");

        // The saga may pay the order in between (OrderPaid), and the cancellation then refunds it (OrderRefunded).
        await Eventually.MatchesAsync(() => Task.FromResult(received.ToArray()), e => e.OfType<OrderCancelled>().Any());
        await subscription.UnsubscribeAsync();
        var events = received.ToArray();
        var placed = Assert.IsType<OrderPlaced>(events[0]);
        Assert.Equal((orderId, customerId, 2 * product.Price), (placed.OrderId, placed.CustomerId, placed.Lines.Sum(l => l.LineTotal)));
        var cancelled = Assert.Single(events.OfType<OrderCancelled>());
        Assert.Equal((orderId, "test"), (cancelled.OrderId, cancelled.Reason));
        Assert.True(events.Select(e => e.GetType().Name).SequenceEqual(events.OrderBy(e => e.At).Select(e => e.GetType().Name)), "events arrive in the order they happened");
    }

    [Fact]
    public async Task Checkout_StockMovements_ReachTheProductHistory()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 2));
        var order = (await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId))).Value!;
        await _grains.GetGrain<IOrderProcessGrain>(order.Id).CancelAsync("test");

        var history = await Eventually.MatchesAsync(() => _grains.GetGrain<IProductHistoryGrain>(product.Id).GetAsync(), h => h.Length == 3);

        Assert.Equal(
            [nameof(ProductCreated), nameof(StockChanged), nameof(StockChanged)],
            history.Select(h => h.Type));
        Assert.Equal(["sold -2 -> 3", "released +2 -> 5"], history.Skip(1).Select(h => h.Detail));
    }
}
