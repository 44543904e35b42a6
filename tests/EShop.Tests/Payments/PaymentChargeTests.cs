using EShop.Ordering;
using EShop.Payments;
using EShop.Tests.Ordering;
using EShop.Tests.Shared;

namespace EShop.Tests.Payments;

// A card authorized and captured in one call on the payment grain (the saga's card step), against the sandbox
// processor's own record.
[Collection(SagaCollection.Name)]
public sealed class PaymentChargeTests(SagaClusterFixture fixture)
{
    [Fact]
    public async Task Charge_ApprovedCard_IsAuthorizedThenCapturedOnce_AndChargingAgainChangesNothing()
    {
        var payment = fixture.Grains.GetGrain<IPaymentGrain>(Guid.NewGuid());
        var request = new PaymentRequest(new PaymentDetails(PaymentMethod.Card, "tok_visa", null), 12.34m, "EUR");

        var charged = await payment.ChargeAsync(request);
        var again = await payment.ChargeAsync(request);

        Assert.Equal((PaymentStatus.Captured, 12.34m, 12.34m), (charged.Status, charged.Amount, charged.Captured));
        Assert.Equal(["PaymentStepStarted", "PaymentAuthorized", "PaymentStepStarted", "PaymentCaptured"], charged.Ledger.Select(e => e.GetType().Name));
        Assert.Equal(charged.Ledger.Select(e => (e.Step, e.GetType().Name, e.At)), again.Ledger.Select(e => (e.Step, e.GetType().Name, e.At)));
        var charge = Assert.Single(await fixture.Sandbox.ChargesAsync(payment.GetPrimaryKey()));
        Assert.Equal(("captured", 12.34m), (charge.GetProperty("status").GetString(), charge.GetProperty("captured").GetDecimal()));
    }

    // A gift card was debited in the checkout transaction: its ledger records the approval and the capture together.
    [Fact]
    public async Task Charge_GiftCard_RecordsApprovalAndCaptureWithoutTheProcessor()
    {
        var payment = fixture.Grains.GetGrain<IPaymentGrain>(Guid.NewGuid());

        var charged = await payment.ChargeAsync(new PaymentRequest(new PaymentDetails(PaymentMethod.GiftCard, null, "card-key"), 25m, "EUR"));

        Assert.Equal((PaymentStatus.Captured, 25m), (charged.Status, charged.Captured));
        Assert.Equal(["PaymentAuthorized", "PaymentCaptured"], charged.Ledger.Select(e => e.GetType().Name));
        Assert.Empty(await fixture.Sandbox.ChargesAsync(payment.GetPrimaryKey()));
    }

    [Fact]
    public async Task Charge_CashOnDelivery_IsRefusedAndRecordsNothing()
    {
        var payment = fixture.Grains.GetGrain<IPaymentGrain>(Guid.NewGuid());

        await Assert.ThrowsAsync<ArgumentException>(() => payment.ChargeAsync(new PaymentRequest(new PaymentDetails(PaymentMethod.CashOnDelivery, null, null), 5m, "EUR")));

        Assert.Null(await payment.GetAsync());
    }

    [Fact]
    public async Task Charge_DeclinedCard_StartsNoCapture()
    {
        var payment = fixture.Grains.GetGrain<IPaymentGrain>(Guid.NewGuid());

        var declined = await payment.ChargeAsync(new PaymentRequest(new PaymentDetails(PaymentMethod.Card, "tok_insufficientFunds", null), 5m, "EUR"));

        Assert.Equal((PaymentStatus.Declined, 0m), (declined.Status, declined.Captured));
        Assert.Equal(["PaymentStepStarted", "PaymentDeclined"], declined.Ledger.Select(e => e.GetType().Name));
        Assert.Equal("declined", Assert.Single(await fixture.Sandbox.ChargesAsync(payment.GetPrimaryKey())).GetProperty("status").GetString());
    }
}
