using EShop.Ordering;
using EShop.Payments;
using EShop.Tests.Ordering;
using EShop.Tests.Shared;

namespace EShop.Tests.Payments;

// The card processor slow, failing and down, checked against its own record of charges: orders wait for it and
// complete when it is back, and none is charged twice; an order it never answers for is cancelled after the timeout.
[Collection(SagaCollection.Name)]
public sealed class ProcessorResilienceTests(SagaClusterFixture fixture) : IAsyncLifetime
{
    private readonly IGrainFactory _grains = fixture.Grains;

    public Task InitializeAsync() => Task.CompletedTask;

    // Every test leaves the processor up for the next.
    public Task DisposeAsync() => fixture.Sandbox.SetProcessorAsync();

    [Fact]
    public async Task ProcessorDown_BreakerHoldsCallsBackAndOrdersWaitThenArePaidOnceWhenItReturns()
    {
        await fixture.Sandbox.SetProcessorAsync(down: true);
        var placed = await PlaceAsync(count: 6);

        // Six orders retried every second, each call tried four times, would make dozens of calls in four seconds;
        // the open circuit breakers (one per silo) let a trial call through every two seconds.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var before = await fixture.Sandbox.ProcessorCallsAsync();
        await Task.Delay(TimeSpan.FromSeconds(4));
        var held = await fixture.Sandbox.ProcessorCallsAsync() - before;
        var waiting = await Task.WhenAll(placed.Select(o => _grains.GetGrain<IOrderGrain>(o.Id).GetAsync()));
        await fixture.Sandbox.SetProcessorAsync(down: false);
        var paid = await Task.WhenAll(placed.Select(o => Orders.WaitForAsync(_grains, o.Id, Orders.Paid)));

        Assert.InRange(held, 0, 12);
        Assert.All(waiting, o => Assert.Equal(OrderStatus.PendingPayment, o!.Status));
        await AssertChargedOnceAsync(paid);
    }

    [Fact]
    public async Task ProcessorFlaky_EveryOrderIsPaidAndChargedOnce()
    {
        // Three calls in ten fail, half of them after the processor did the work: only the idempotency key keeps a retry
        // from charging again.
        await fixture.Sandbox.SetProcessorAsync(failureRate: 0.3);
        var placed = await PlaceAsync(count: 6);

        var paid = await Task.WhenAll(placed.Select(o => Orders.WaitForAsync(_grains, o.Id, Orders.Paid, TimeSpan.FromSeconds(60))));

        await AssertChargedOnceAsync(paid);
    }

    [Fact]
    public async Task ProcessorSlow_OrdersArePaid()
    {
        await fixture.Sandbox.SetProcessorAsync(latencyMs: 700);
        var placed = await PlaceAsync(count: 2);

        var paid = await Task.WhenAll(placed.Select(o => Orders.WaitForAsync(_grains, o.Id, Orders.Paid)));

        await AssertChargedOnceAsync(paid);
    }

    [Fact]
    public async Task ProcessorDownPastTheTimeout_OrderIsCancelledWithStockAndCartGivenBack()
    {
        await fixture.Sandbox.SetProcessorAsync(down: true);
        var product = await TestCatalog.CreateProductAsync(_grains, price: 15m, stock: 3);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 2));
        var placed = (await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId))).Value!;

        var cancelled = await Orders.WaitForAsync(_grains, placed.Id, o => o.Status == OrderStatus.Cancelled, SagaClusterFixture.PaymentTimeout * 3);
        await fixture.Sandbox.SetProcessorAsync(down: false);
        var payment = await Eventually.MatchesAsync(() => _grains.GetGrain<IPaymentGrain>(placed.Id).GetAsync(), p => p?.Status == PaymentStatus.Voided);

        Assert.Equal($"Payment was not received within {SagaClusterFixture.PaymentTimeout}.", cancelled.Timeline[^1].Detail);
        Assert.Equal(3, (await TestCatalog.ReadAsync(_grains, product.Id))!.Stock);
        Assert.Equal([(product.Id, 2)], (await _grains.Cart(customerId).GetAsync()).Lines.Select(l => (l.ProductId, l.Quantity)));
        Assert.Equal(PaymentStatus.Voided, payment!.Status);
        Assert.All(await fixture.Sandbox.ChargesAsync(placed.Id), c => Assert.Equal(("voided", 0m), (c.GetProperty("status").GetString(), c.GetProperty("captured").GetDecimal())));
    }

    [Fact]
    public async Task CancelledWhileTheProcessorIsDown_AuthorizationStartedIsVoidedOnceItReturns()
    {
        await fixture.Sandbox.SetProcessorAsync(down: true);
        var placed = (await PlaceAsync(count: 1))[0];
        await Eventually.MatchesAsync(() => _grains.GetGrain<IPaymentGrain>(placed.Id).GetAsync(), p => p is not null);

        var cancelled = await _grains.GetGrain<IOrderProcessGrain>(placed.Id).CancelAsync("changed my mind");
        var refused = await _grains.GetGrain<IOrderProcessGrain>(placed.Id).RefundAsync(null);
        await fixture.Sandbox.SetProcessorAsync(down: false);
        var voided = await Eventually.MatchesAsync(() => _grains.GetGrain<IPaymentGrain>(placed.Id).GetAsync(), p => p!.Status == PaymentStatus.Voided);

        // The authorization the ledger had started is made when the processor is back, then voided: a hold, never a charge.
        Assert.Equal(OrderStatus.Cancelled, cancelled.Value!.Status);
        Assert.Equal(EShop.Shared.ErrorCodes.InvalidState, Assert.Single(refused.Errors).Code);
        Assert.Equal(["PaymentStepStarted", "PaymentAuthorized", "PaymentStepStarted", "PaymentVoided"], voided!.Ledger.Select(e => e.GetType().Name));
        var charge = Assert.Single(await fixture.Sandbox.ChargesAsync(placed.Id));
        Assert.Equal(("voided", 0m), (charge.GetProperty("status").GetString(), charge.GetProperty("captured").GetDecimal()));
    }

    // The cancellation queues behind the charge (authorization and capture, one call on the ledger), so the card is
    // captured, and the settlement refunds all of it.
    [Fact]
    public async Task CancelledWhileACardIsCharged_IsRefundedInFull()
    {
        await fixture.Sandbox.SetProcessorAsync(latencyMs: 1000);
        var placed = (await PlaceAsync(count: 1))[0];
        await Eventually.MatchesAsync(() => _grains.GetGrain<IPaymentGrain>(placed.Id).GetAsync(), p => p is not null);

        var cancelled = await _grains.GetGrain<IOrderProcessGrain>(placed.Id).CancelAsync("changed my mind");
        var refunded = await Eventually.MatchesAsync(() => _grains.GetGrain<IPaymentGrain>(placed.Id).GetAsync(), p => p!.Status == PaymentStatus.Refunded, TimeSpan.FromSeconds(30));

        Assert.Equal(OrderStatus.Cancelled, cancelled.Value!.Status);
        Assert.Equal((placed.Total, placed.Total), (refunded!.Captured, refunded.Refunded));
        var charge = Assert.Single(await fixture.Sandbox.ChargesAsync(placed.Id));
        Assert.Equal((placed.Total, placed.Total), (charge.GetProperty("captured").GetDecimal(), charge.GetProperty("refunded").GetDecimal()));
    }

    private async Task<OrderSnapshot[]> PlaceAsync(int count)
    {
        var product = await TestCatalog.CreateProductAsync(_grains, price: 9.5m, stock: 100);
        var customers = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Checkouts.CustomerWithCartAsync(_grains, (product.Id, 1))));
        return [.. (await Task.WhenAll(customers.Select(c => Checkouts.CheckoutAsync(_grains, Checkouts.Request(c))))).Select(r => r.Value!)];
    }

    private async Task AssertChargedOnceAsync(IEnumerable<OrderSnapshot> orders)
    {
        foreach (var order in orders)
        {
            var charge = Assert.Single(await fixture.Sandbox.ChargesAsync(order.Id));
            Assert.Equal(("captured", order.Total, order.Total), (charge.GetProperty("status").GetString(), charge.GetProperty("amount").GetDecimal(), charge.GetProperty("captured").GetDecimal()));
            Assert.Equal(order.Total, (await _grains.GetGrain<IPaymentGrain>(order.Id).GetAsync())!.Captured);
        }
    }
}
