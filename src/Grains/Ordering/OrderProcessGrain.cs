using System.Collections.Immutable;
using EShop.Carts;
using EShop.Catalog;
using EShop.Catalog.Events;
using EShop.Ordering.Events;
using EShop.Payments;
using EShop.Shared;
using EShop.Shipping;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EShop.Ordering;

// The commands on one order: checkout, cancellation, refunds, moving the shipment by hand. What happens between them
// (payment, label, tracking) is the saga, in OrderProcessGrain.Saga.cs; all of it queues on this one activation.
[GrainType("eshop.ordering.process")]
public sealed partial class OrderProcessGrain(
    ITransactionClient transactions,
    IGrainFactory grains,
    ICarrier carrier,
    IOptions<OrderingOptions> ordering,
    IOptions<ShippingOptions> shipping,
    TimeProvider time,
    OrderingMetrics metrics,
    ILogger<OrderProcessGrain> logger) : Grain, IOrderProcessGrain, IRemindable, IIncomingGrainCallFilter
{
    private Guid Id => this.GetPrimaryKey();

    private IOrderGrain Order => grains.GetGrain<IOrderGrain>(Id);

    private IPaymentGrain Payment => grains.GetGrain<IPaymentGrain>(Id);

    private OrderFulfilment? _fulfilment;

    // The payment ledger as the last call on it answered (null: no entry yet), when _paymentKnown. Only this process
    // moves it, so a saga pass need not ask it again (it did, once a pass); like the order (OrderFulfilment), it is
    // dropped when a call starts and kept from one that answered, so a call that failed makes the next pass read the
    // ledger. An order this activation has just placed has no payment yet, so its first pass does not ask either.
    private PaymentSnapshot? _payment;
    private bool _paymentKnown;

    private OrderFulfilment Fulfilment => _fulfilment ??= new(transactions, grains, time, Id, logger);

    // Every call on this grain, the reminder's ticks included, runs in a logging scope that names the order: a line
    // logged without its id (a transaction's retry, Orleans' own) still says which order it was about.
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        using (logger.BeginScope("Order {OrderId}", Id))
        {
            await context.Invoke();
        }
    }

    public async Task<Result<OrderSnapshot>> CheckoutAsync(CheckoutRequest request)
    {
        if (OrderIds.ForCheckout(request.CustomerId, request.IdempotencyKey) != Id)
        {
            throw new ArgumentException("A checkout must be sent to the order process its idempotency key names.", nameof(request));
        }

        var started = time.GetTimestamp();
        var result = await PlaceOrderAsync(request);
        metrics.CheckoutDuration.Record(time.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("outcome", result.Succeeded ? "placed" : "refused"));
        foreach (var error in result.Errors.IsDefault ? [] : result.Errors)
        {
            metrics.Refusals.Add(1, new KeyValuePair<string, object?>("code", error.Code));
        }

        return result;
    }

    private async Task<Result<OrderSnapshot>> PlaceOrderAsync(CheckoutRequest request)
    {
        var invalid = CheckoutRules.Validate(request).ToList();
        if (invalid.Count > 0)
        {
            return Result<OrderSnapshot>.Fail(invalid);
        }

        // Before the transaction, so that an order placed by a silo that then dies is still taken up.
        await KeepSagaAsync();
        var attempt = new CheckoutAttempt(request);
        for (var round = 1; round <= OrderFulfilment.MaxRounds; round++)
        {
            if (await TransactionRetry.ExecuteAsync(() => attempt.LookAsync(grains, Order, guess: round == 1), logger))
            {
                break;
            }

            await transactions.RunWithRetryAsync(() => attempt.RunAsync(grains, Order), logger);
            if (attempt.Placed)
            {
                break;
            }

            if (attempt.Errors.Count > 0)
            {
                await transactions.RunWithRetryAsync(() => attempt.VerifyRefusalAsync(grains, Order), logger);
            }
            else if (attempt.Order is not null)
            {
                await TransactionRetry.ExecuteAsync(() => attempt.ConfirmOrderAsync(Order), logger);
            }

            if (attempt.Errors.Count > 0 || attempt.Order is not null)
            {
                break;
            }
        }

        if (attempt.Errors.Count == 0 && attempt.Order is null)
        {
            // Safe to send again with the same idempotency key: nothing was placed. The reminder finds no order and goes.
            throw new TimeoutException($"Checkout {Id} kept meeting transactions that then aborted, or a cart that changed under it; try again.");
        }

        if (attempt.Errors.Count > 0)
        {
            await StopSagaAsync();
            await RepriceCartAsync(request.CustomerId, attempt.Errors);
            LogRejected(logger, Id, request.CustomerId, string.Join(',', attempt.Errors.Select(e => e.Error.Code)));
            return Result<OrderSnapshot>.Fail(attempt.Errors.Select(e => e.Error));
        }

        var order = attempt.Order!;
        Fulfilment.Remember(order);
        if (attempt.Placed)
        {
            // The order did not exist before this transaction, and only this process starts its payment.
            (_payment, _paymentKnown) = (null, true);
            metrics.OrdersPlaced.Add(1, new KeyValuePair<string, object?>("payment_method", order.Payment.Method.ToString()));
            metrics.Revenue.Add((double)order.Total, new KeyValuePair<string, object?>("currency", order.Currency));
            foreach (var soldOut in attempt.Reserved.Where(r => r.Product.Stock == 0))
            {
                metrics.StockOuts.Add(1, new KeyValuePair<string, object?>("product", soldOut.Product.Id));
            }

            LogPlaced(logger, order.Id, order.CustomerId, order.Total);
        }

        // Publishing OrderPlaced lists the order in the customer's history. A retry of a checkout whose first try
        // committed, and whose event has since gone out, lands here too: the history must list every order the
        // customer was told about, so it is added then. Adding is idempotent.
        if (!order.Outbox.Any(e => e.Event is OrderPlaced))
        {
            await grains.GetGrain<ICustomerOrdersGrain>(order.CustomerId).AddAsync(order.Id, order.PlacedAt);
        }

        await TryPublishOutboxAsync(order);

        // Payment and shipping run after this call, not in it: the customer has their answer now.
        await this.AsReference<IOrderProcessGrain>().ResumeAsync();
        return Result<OrderSnapshot>.Ok(order);
    }

    public async Task<Result<OrderSnapshot>> CancelAsync(string reason)
    {
        // A labelled parcel (paid, or cash on delivery) may be on its way already: ask the carrier first, so a
        // picked-up parcel refuses the cancellation.
        if (await Fulfilment.ReadAsync() is { TrackingNumber: not null, Status: OrderStatus.Paid or OrderStatus.PendingPayment })
        {
            try
            {
                await TrackAsync();
            }
            catch (CarrierUnavailableException exception)
            {
                LogWaiting(logger, Id, exception.Message);
            }
        }

        var cancelled = await CancelOrderAsync(reason, restoreCart: false);
        if (cancelled.Succeeded)
        {
            // The payment is voided or refunded after this call: the processor may be slow or down.
            await KeepSagaAsync();
            await this.AsReference<IOrderProcessGrain>().ResumeAsync();
        }

        return cancelled;
    }

    public async Task<Result<OrderSnapshot>> RefundAsync(decimal? amount)
    {
        if (await Fulfilment.ReadAsync() is not { } order)
        {
            return Result<OrderSnapshot>.Fail(UserError.Of(ErrorCodes.NotFound, "The order does not exist.", "orderId"));
        }

        // Before the shipment, money goes back by cancelling (stock and all); a cancelled order is refunded in full already.
        if (order.Status is OrderStatus.PendingPayment or OrderStatus.Cancelled)
        {
            return Result<OrderSnapshot>.Fail(UserError.Of(ErrorCodes.InvalidState, $"An order that is {order.Status} is not refunded this way: cancel it instead.", "orderId"));
        }

        // A refund is started in the ledger before the processor hears of it; if this silo dies in between, the
        // reminder completes it, and records it on the order.
        await KeepSagaAsync();
        Result<PaymentSnapshot> refunded;
        try
        {
            var payment = await ReadPaymentAsync();
            refunded = await RefundPaymentAsync(amount ?? payment?.Refundable ?? 0);
        }
        catch (PaymentProcessorUnavailableException exception)
        {
            return Result<OrderSnapshot>.Fail(UserError.Of(ErrorCodes.PaymentUnavailable, $"The payment processor could not be reached; any refund started will complete when it is back. ({exception.Message})", "orderId"));
        }

        if (!refunded.Succeeded)
        {
            return Result<OrderSnapshot>.Fail(refunded.Errors);
        }

        metrics.Refunds.Add(1);
        LogRefunded(logger, Id, refunded.Value!.Refunded, "requested");

        var after = await RecordRefundAsync(refunded.Value!);
        await this.AsReference<IOrderProcessGrain>().ResumeAsync();
        return Result<OrderSnapshot>.Ok(after);
    }

    public async Task<Result<ShipmentSnapshot>> AdvanceShipmentAsync(ShipmentStatus status, string? location)
    {
        if (await Fulfilment.ReadAsync() is not { TrackingNumber: not null } order)
        {
            return Result<ShipmentSnapshot>.Fail(UserError.Of(ErrorCodes.NotFound, "The order has no shipment.", "trackingNumber"));
        }

        var (moved, after) = await Fulfilment.TrackAsync(new TrackingEvent(status, time.GetUtcNow(), location));
        if (!moved.Succeeded)
        {
            return Result<ShipmentSnapshot>.Fail(moved.Errors);
        }

        if (after is not null)
        {
            await TryPublishOutboxAsync(after);
        }

        // Cash on delivery is captured after this call, by the saga.
        await this.AsReference<IOrderProcessGrain>().ResumeAsync();
        return Result<ShipmentSnapshot>.Ok(moved.Value ?? (await Fulfilment.ReadShipmentAsync())!);
    }

    private async Task<Result<OrderSnapshot>> CancelOrderAsync(string reason, bool restoreCart)
    {
        var cancelled = await Fulfilment.CancelAsync(reason, restoreCart);
        if (cancelled.Succeeded)
        {
            await TryPublishOutboxAsync(cancelled.Value!);
            LogCancelled(logger, Id, restoreCart, reason);
        }

        return cancelled;
    }

    private async Task<OrderSnapshot> RecordRefundAsync(PaymentSnapshot payment)
    {
        var after = await Fulfilment.RecordRefundAsync(payment.Refunded, payment.Captured);
        await TryPublishOutboxAsync(after);
        return after;
    }

    private async Task<PaymentSnapshot?> ReadPaymentAsync()
    {
        if (!_paymentKnown)
        {
            _payment = await Payment.GetAsync();
            _paymentKnown = true;
        }

        return _payment;
    }

    private async Task<PaymentSnapshot> MovePaymentAsync(Func<IPaymentGrain, Task<PaymentSnapshot>> call)
    {
        _paymentKnown = false;
        _payment = await call(Payment);
        _paymentKnown = true;
        return _payment;
    }

    private async Task<Result<PaymentSnapshot>> RefundPaymentAsync(decimal amount)
    {
        _paymentKnown = false;
        var refunded = await Payment.RefundAsync(amount);
        (_payment, _paymentKnown) = (refunded.Value, refunded.Value is not null);
        return refunded;
    }

    // A price that changed since the customer added the line is shown to them: the cart moves to it.
    private async Task RepriceCartAsync(Guid customerId, IEnumerable<CheckoutAttempt.LineError> errors)
    {
        var prices = errors.Where(e => e.Error.Code == ErrorCodes.PriceChanged && e.CurrentPrice is not null)
            .ToImmutableDictionary(e => e.ProductId, e => e.CurrentPrice!.Value);
        if (prices.Count > 0)
        {
            await TransactionRetry.ExecuteAsync(() => grains.GetGrain<ICartGrain>(customerId).RepriceAsync(prices), logger);
        }
    }
}
