using EShop.Ordering;
using EShop.Payments;
using EShop.Shipping;
using EShop.Tests.Shared;

namespace EShop.Tests.Ordering;

// The saga after checkout, against a sandbox processor and carrier of its own: a card order is authorized, captured,
// labelled (PAID) and delivered; a declined card cancels the order and gives back stock and cart; cash on delivery is
// captured on delivery.
[Collection(SagaCollection.Name)]
public sealed class OrderSagaTests(SagaClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Card_Approved_IsCapturedOnceAndPaidWithAShipment()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, price: 20m, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 2));
        var placed = (await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId))).Value!;

        var order = await Orders.WaitForAsync(_grains, placed.Id, o => o.Status != OrderStatus.PendingPayment);
        var payment = (await _grains.GetGrain<IPaymentGrain>(placed.Id).GetAsync())!;
        var shipment = (await _grains.GetGrain<IShipmentGrain>(placed.Id).GetAsync())!;
        var charge = Assert.Single(await fixture.Sandbox.ChargesAsync(placed.Id));

        Assert.Contains(order.Status, new[] { OrderStatus.Paid, OrderStatus.Shipped, OrderStatus.Delivered });
        Assert.Equal([OrderTimeline.Placed, OrderTimeline.Paid], order.Timeline.Take(2).Select(e => e.Type));
        Assert.Equal((PaymentStatus.Captured, placed.Total, placed.Total, 0m), (payment.Status, payment.Amount, payment.Captured, payment.Refunded));
        Assert.Equal(["PaymentStepStarted", "PaymentAuthorized", "PaymentStepStarted", "PaymentCaptured"], payment.Ledger.Select(e => e.GetType().Name));
        Assert.Equal((order.TrackingNumber, ShipmentStatus.LabelCreated), (shipment.TrackingNumber, shipment.Events[0].Status));
        Assert.Equal(placed.Id, await _grains.GetGrain<ITrackingNumberGrain>(shipment.TrackingNumber).GetAsync());
        Assert.Equal(("captured", placed.Total), (charge.GetProperty("status").GetString(), charge.GetProperty("captured").GetDecimal()));
    }

    [Theory]
    [InlineData("tok_chargeDeclined", "The card was declined.")]
    [InlineData("tok_insufficientFunds", "The card has insufficient funds.")]
    public async Task Card_Declined_CancelsReleasesStockAndGivesTheCartBack(string token, string reason)
    {
        var product = await TestCatalog.CreateProductAsync(_grains, price: 20m, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 2));
        var placed = (await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId, payment: new PaymentDetails(PaymentMethod.Card, token, null)))).Value!;

        var order = await Orders.WaitForAsync(_grains, placed.Id, o => o.Status == OrderStatus.Cancelled);
        var payment = (await _grains.GetGrain<IPaymentGrain>(placed.Id).GetAsync())!;

        Assert.Equal((OrderTimeline.Cancelled, $"Payment declined: {reason}"), (order.Timeline[^1].Type, order.Timeline[^1].Detail));
        Assert.Equal((PaymentStatus.Declined, 0m), (payment.Status, payment.Captured));
        Assert.Equal(5, (await TestCatalog.ReadAsync(_grains, product.Id))!.Stock);
        Assert.Equal([(product.Id, 2, 20m)], (await _grains.Cart(customerId).GetAsync()).Lines.Select(l => (l.ProductId, l.Quantity, l.UnitPrice)));
        Assert.Null(await _grains.GetGrain<IShipmentGrain>(placed.Id).GetAsync());
        Assert.Equal("declined", Assert.Single(await fixture.Sandbox.ChargesAsync(placed.Id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Shipment_MovesOnItsOwn_UntilTheOrderIsDelivered()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 1));
        var placed = (await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId))).Value!;

        var order = await Orders.WaitForAsync(_grains, placed.Id, o => o.Status == OrderStatus.Delivered, TimeSpan.FromSeconds(30));
        var shipment = (await _grains.GetGrain<IShipmentGrain>(placed.Id).GetAsync())!;

        Assert.Equal(
            [ShipmentStatus.LabelCreated, ShipmentStatus.PickedUp, ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery, ShipmentStatus.Delivered],
            shipment.Events.Select(e => e.Status));
        Assert.Equal([OrderTimeline.Placed, OrderTimeline.Paid, OrderTimeline.Shipped, OrderTimeline.Delivered], order.Timeline.Select(e => e.Type));
    }

    [Fact]
    public async Task CashOnDelivery_IsConfirmedAtOnceAndCapturedOnDelivery()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, price: 12m, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 1));
        var placed = (await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId, payment: new PaymentDetails(PaymentMethod.CashOnDelivery, null, null)))).Value!;

        var confirmed = await Orders.WaitForAsync(_grains, placed.Id, o => o.TrackingNumber is not null);
        var promised = (await _grains.GetGrain<IPaymentGrain>(placed.Id).GetAsync())!;
        var delivered = await Orders.WaitForAsync(_grains, placed.Id, o => o.Status == OrderStatus.Delivered, TimeSpan.FromSeconds(30));
        var paid = await Eventually.MatchesAsync(() => _grains.GetGrain<IPaymentGrain>(placed.Id).GetAsync(), p => p!.Status == PaymentStatus.Captured);

        Assert.Equal([OrderTimeline.Placed, OrderTimeline.Confirmed], confirmed.Timeline.Take(2).Select(e => e.Type));
        Assert.Equal(PaymentStatus.Authorized, promised.Status);
        Assert.Equal(OrderStatus.Delivered, delivered.Status);
        Assert.Equal((PaymentStatus.Captured, placed.Total), (paid!.Status, paid.Captured));
        Assert.Empty(await fixture.Sandbox.ChargesAsync(placed.Id));
    }
}
