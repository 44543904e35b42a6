using EShop.Ordering;
using EShop.Payments;
using EShop.Shared;
using EShop.Tests.Ordering;
using EShop.Tests.Shared;

namespace EShop.Tests.Payments;

// Gift cards: debited in the checkout transaction, credited back by refunds and cancellations.
[Collection(ClusterCollection.Name)]
public sealed class GiftCardTests(EShopClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    // Two 500 g units of 20.00 to Spain: 40.00 and 14.39 standard shipping.
    private const decimal Total = 54.39m;

    [Fact]
    public async Task Checkout_GiftCardThatCoversIt_DebitsTheCardWithTheOrderAndIsPaid()
    {
        var (product, customerId, code) = await PrepareAsync(balance: 100m);

        var placed = (await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId, payment: PayWith(code)))).Value!;
        var balance = (await Card(code).GetAsync())!.Balance;
        var paid = await Orders.WaitForAsync(_grains, placed.Id, Orders.Paid);
        var payment = (await _grains.GetGrain<IPaymentGrain>(placed.Id).GetAsync())!;

        Assert.Equal((Total, 100m - Total), (placed.Total, balance));
        Assert.Equal(GiftCards.KeyOf(code), placed.Payment.GiftCardCode);
        Assert.Equal((PaymentMethod.GiftCard, PaymentStatus.Captured, Total), (payment.Method, payment.Status, payment.Captured));
        Assert.NotNull(paid.TrackingNumber);
        Assert.Equal(3, (await TestCatalog.ReadAsync(_grains, product))!.Stock);
    }

    [Fact]
    public async Task Checkout_GiftCardShortOfTheTotal_IsDeclinedAndTakesNothing()
    {
        var (product, customerId, code) = await PrepareAsync(balance: 50m);

        var result = await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId, payment: PayWith(code.ToLowerInvariant())));

        var error = Assert.Single(result.Errors);
        Assert.Equal((ErrorCodes.PaymentDeclined, "input.payment.giftCardCode"), (error.Code, string.Join('.', error.Field)));
        Assert.Equal(50m, (await Card(code).GetAsync())!.Balance);
        Assert.Equal(5, (await TestCatalog.ReadAsync(_grains, product))!.Stock);
        Assert.Equal(2, (await _grains.Cart(customerId).GetAsync()).ItemCount);
    }

    [Fact]
    public async Task Checkout_UnknownGiftCard_IsNotFound()
    {
        var (_, customerId, _) = await PrepareAsync(balance: 100m);

        var result = await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId, payment: PayWith("GC-NO-SUCH-CARD")));

        Assert.Equal(ErrorCodes.NotFound, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Checkout_TwoOrdersAtOnceOnACardForOne_OnlyOneIsPaidFromIt()
    {
        var (product, first, code) = await PrepareAsync(balance: 60m);
        var second = await Checkouts.CustomerWithCartAsync(_grains, (product, 2));

        var results = await Task.WhenAll(new[] { first, second }.Select(c => Checkouts.CheckoutAsync(_grains, Checkouts.Request(c, payment: PayWith(code)))));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.Equal(ErrorCodes.PaymentDeclined, Assert.Single(results.Single(r => !r.Succeeded).Errors).Code);
        Assert.Equal(60m - Total, (await Card(code).GetAsync())!.Balance);
        Assert.Equal(3, (await TestCatalog.ReadAsync(_grains, product))!.Stock);
    }

    [Fact]
    public async Task RefundThenCancel_CreditTheCardBackOnceEach()
    {
        var (_, customerId, code) = await PrepareAsync(balance: 100m);
        var placed = (await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId, payment: PayWith(code)))).Value!;
        await Orders.WaitForAsync(_grains, placed.Id, Orders.Paid);
        var process = _grains.GetGrain<IOrderProcessGrain>(placed.Id);

        var refunded = await process.RefundAsync(10m);
        var afterRefund = (await Card(code).GetAsync())!.Balance;
        var rest = await process.RefundAsync(null);
        var afterRest = (await Card(code).GetAsync())!.Balance;

        Assert.Equal(OrderStatus.PartiallyRefunded, refunded.Value!.Status);
        Assert.Equal(100m - Total + 10m, afterRefund);
        Assert.Equal(OrderStatus.Refunded, rest.Value!.Status);
        Assert.Equal(100m, afterRest);
    }

    [Fact]
    public async Task Cancel_PaidWithAGiftCard_CreditsItInFull()
    {
        var (product, customerId, code) = await PrepareAsync(balance: 100m);
        var placed = (await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId, payment: PayWith(code)))).Value!;
        await Orders.WaitForAsync(_grains, placed.Id, Orders.Paid);

        await _grains.GetGrain<IOrderProcessGrain>(placed.Id).CancelAsync("changed my mind");
        var card = await Eventually.MatchesAsync(() => Card(code).GetAsync(), c => c!.Balance == 100m);

        Assert.Equal(100m, card!.Balance);
        Assert.Equal(PaymentStatus.Refunded, (await _grains.GetGrain<IPaymentGrain>(placed.Id).GetAsync())!.Status);
        Assert.Equal(5, (await TestCatalog.ReadAsync(_grains, product))!.Stock);
    }

    [Fact]
    public async Task Cancel_BeforeTheSagaTookTheGiftCard_CreditsItInFull()
    {
        var (_, customerId, code) = await PrepareAsync(balance: 100m);
        var request = Checkouts.Request(customerId, payment: PayWith(code));
        var process = _grains.GetGrain<IOrderProcessGrain>(OrderIds.ForCheckout(customerId, request.IdempotencyKey));

        // Sent while the checkout runs, the cancellation usually queues before the saga's first pass; should it reach
        // the grain before the checkout does, it finds no order and is sent again.
        var checkout = process.CheckoutAsync(request);
        var cancel = await process.CancelAsync("changed my mind");
        await checkout;
        if (!cancel.Succeeded)
        {
            cancel = await process.CancelAsync("changed my mind");
        }

        var card = await Eventually.MatchesAsync(() => Card(code).GetAsync(), c => c!.Balance == 100m);

        Assert.Equal(OrderStatus.Cancelled, cancel.Value!.Status);
        Assert.Equal(100m, card!.Balance);
        Assert.Contains((await _grains.GetGrain<IPaymentGrain>((await checkout).Value!.Id).GetAsync())!.Status, new[] { PaymentStatus.Voided, PaymentStatus.Refunded });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10_000.01)]
    [InlineData(1.005)]
    public async Task Issue_BadAmount_IsInvalidInput(decimal amount)
    {
        var result = await Card(NewCode()).IssueAsync(amount);

        Assert.Equal((ErrorCodes.InvalidInput, "amount"), (Assert.Single(result.Errors).Code, result.Errors[0].Field.Single()));
    }

    [Fact]
    public async Task Issue_ACodeTwice_IsInvalidState()
    {
        var code = NewCode();
        await Card(code).IssueAsync(5m);

        var again = await Card(code).IssueAsync(50m);

        Assert.Equal(ErrorCodes.InvalidState, Assert.Single(again.Errors).Code);
        Assert.Equal(5m, (await Card(code).GetAsync())!.Balance);
    }

    private async Task<(string Product, Guid Customer, string Code)> PrepareAsync(decimal balance)
    {
        var product = await TestCatalog.CreateProductAsync(_grains, price: 20m, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 2));
        var code = NewCode();
        Assert.True((await Card(code).IssueAsync(balance)).Succeeded);
        return (product.Id, customerId, code);
    }

    private static string NewCode() => "GC-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    private static PaymentDetails PayWith(string code) => new(PaymentMethod.GiftCard, null, code);

    private IGiftCardGrain Card(string code) => _grains.GetGrain<IGiftCardGrain>(GiftCards.KeyOf(code));
}
