using EShop.Ordering;
using EShop.Payments;
using EShop.Shared;
using EShop.Shipping;
using EShop.Tests.Ordering;
using EShop.Tests.Shared;

namespace EShop.Tests.Payments;

[Collection(SagaCollection.Name)]
public sealed class RefundTests(SagaClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Refund_PartThenTheRest_IsPartiallyRefundedThenRefundedAndNeverMore()
    {
        var order = await PaidOrderAsync();
        var process = _grains.GetGrain<IOrderProcessGrain>(order.Id);

        var part = await process.RefundAsync(5m);
        var tooMuch = await process.RefundAsync(order.Total);
        var rest = await process.RefundAsync(null);
        var again = await process.RefundAsync(null);

        Assert.Equal((OrderStatus.PartiallyRefunded, 5m), (part.Value!.Status, part.Value.Refunded));
        Assert.Equal((ErrorCodes.InvalidInput, "amount"), (Assert.Single(tooMuch.Errors).Code, tooMuch.Errors[0].Field.Single()));
        Assert.Equal((OrderStatus.Refunded, order.Total), (rest.Value!.Status, rest.Value.Refunded));
        Assert.Equal(ErrorCodes.InvalidState, Assert.Single(again.Errors).Code);
        Assert.Equal(PaymentStatus.Refunded, (await _grains.GetGrain<IPaymentGrain>(order.Id).GetAsync())!.Status);
        Assert.Equal(order.Total, Assert.Single(await fixture.Sandbox.ChargesAsync(order.Id)).GetProperty("refunded").GetDecimal());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(0.001)]
    public async Task Refund_BadAmount_IsRefusedAndRefundsNothing(decimal amount)
    {
        var order = await PaidOrderAsync();

        var result = await _grains.GetGrain<IOrderProcessGrain>(order.Id).RefundAsync(amount);

        Assert.Equal(ErrorCodes.InvalidInput, Assert.Single(result.Errors).Code);
        Assert.Equal(0m, Assert.Single(await fixture.Sandbox.ChargesAsync(order.Id)).GetProperty("refunded").GetDecimal());
    }

    [Fact]
    public async Task Refund_NothingCaptured_IsInvalidState()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 1));
        var placed = (await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId, payment: new PaymentDetails(PaymentMethod.CashOnDelivery, null, null)))).Value!;

        var result = await _grains.GetGrain<IOrderProcessGrain>(placed.Id).RefundAsync(null);

        Assert.Equal(ErrorCodes.InvalidState, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Cancel_AfterPickUp_IsInvalidStateAndRefundsNothing()
    {
        var order = await PaidOrderAsync();
        await _grains.GetGrain<IOrderProcessGrain>(order.Id).AdvanceShipmentAsync(ShipmentStatus.PickedUp, "depot");

        var result = await _grains.GetGrain<IOrderProcessGrain>(order.Id).CancelAsync("too late");

        Assert.Equal(ErrorCodes.InvalidState, Assert.Single(result.Errors).Code);
        Assert.Equal(0m, Assert.Single(await fixture.Sandbox.ChargesAsync(order.Id)).GetProperty("refunded").GetDecimal());
    }

    private async Task<OrderSnapshot> PaidOrderAsync()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, price: 25m, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 1));
        var placed = (await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId))).Value!;
        return await Orders.WaitForAsync(_grains, placed.Id, Orders.Paid);
    }
}
