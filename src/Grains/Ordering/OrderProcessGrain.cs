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
using Orleans.Runtime;
using Orleans.Transactions;

namespace EShop.Ordering;

[GrainType("eshop.ordering.process")]
public sealed partial class OrderProcessGrain(
    ITransactionClient transactions,
    IGrainFactory grains,
    ICarrier carrier,
    IOptions<OrderingOptions> ordering,
    IOptions<ShippingOptions> shipping,
    TimeProvider time,
    ILogger<OrderProcessGrain> logger) : Grain, IOrderProcessGrain, IRemindable
{
    // A refusal that the verification does not confirm (it read a transaction that since aborted), a cart that changed
    // between Look and the transaction, or an order seen there that a committed read does not find, sends the checkout
    // round again, this many times at most.
    private const int MaxRounds = 5;

    // The reminder that resumes the saga: registered before the checkout transaction (so an order placed by a silo that
    // then dies is still taken up), removed once the order has reached its end.
    private const string SagaReminder = "saga";

    // Steps that complete at once are followed by the next within one pass, up to this many.
    private const int MaxStepsPerPass = 10;

    private TimeSpan? _reminderPeriod;

    private Guid Id => this.GetPrimaryKey();

    private IOrderGrain Order => grains.GetGrain<IOrderGrain>(Id);

    private IPaymentGrain Payment => grains.GetGrain<IPaymentGrain>(Id);

    private ICatalogGrain Catalog => grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key);

    private OrderFulfilment Fulfilment => new(transactions, grains, time, Id);

    private TimeSpan PaymentPeriod => Min(ordering.Value.PaymentRetryInterval, ordering.Value.PaymentTimeout);

    public async Task<Result<OrderSnapshot>> CheckoutAsync(CheckoutRequest request)
    {
        if (OrderIds.ForCheckout(request.CustomerId, request.IdempotencyKey) != Id)
        {
            throw new ArgumentException("A checkout must be sent to the order process its idempotency key names.", nameof(request));
        }

        var invalid = CheckoutRules.Validate(request).ToList();
        if (invalid.Count > 0)
        {
            return Result<OrderSnapshot>.Fail(invalid);
        }

        await KeepSagaAsync(PaymentPeriod);
        var attempt = new CheckoutAttempt(request);
        for (var round = 1; round <= MaxRounds; round++)
        {
            if (await TransactionRetry.Pipeline.ExecuteAsync(async _ => await attempt.LookAsync(grains, Order, guess: round == 1)))
            {
                break;
            }

            await TransactionRetry.Pipeline.ExecuteAsync(async _ =>
                await transactions.RunTransaction(TransactionOption.Create, () => attempt.RunAsync(grains, Order)));
            if (attempt.Placed)
            {
                break;
            }

            if (attempt.Errors.Count > 0)
            {
                await TransactionRetry.Pipeline.ExecuteAsync(async _ =>
                    await transactions.RunTransaction(TransactionOption.Create, () => attempt.VerifyRefusalAsync(grains, Order)));
            }
            else if (attempt.Order is not null)
            {
                await TransactionRetry.Pipeline.ExecuteAsync(async _ => await attempt.ConfirmOrderAsync(Order));
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

        // Also when the order existed already: the retry of a checkout whose first try committed and then lost its
        // silo lands here, and the history must list every order the customer was told about. Adding is idempotent.
        await grains.GetGrain<ICustomerOrdersGrain>(order.CustomerId).AddAsync(order.Id, order.PlacedAt);
        if (attempt.Placed)
        {
            var at = time.GetUtcNow();
            await Catalog.CommitAsync([.. attempt.Reserved.Select(p => new StockChanged(p.Product, at, -p.Quantity, StockChanged.Sold))]);
            await PublishAsync(new OrderPlaced(order.Id, order.CustomerId, at, order.Lines, order.Total));
            LogPlaced(logger, order.Id, order.CustomerId, order.Total);
        }

        // Payment and shipping run after this call, not in it: the customer has their answer now.
        await this.AsReference<IOrderProcessGrain>().ResumeAsync();
        return Result<OrderSnapshot>.Ok(order);
    }

    public async Task<Result<OrderSnapshot>> CancelAsync(string reason)
    {
        var cancelled = await CancelOrderAsync(reason, restoreCart: false);
        if (cancelled.Succeeded)
        {
            // The payment is voided or refunded after this call: the processor may be slow or down.
            await KeepSagaAsync(PaymentPeriod);
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

        if (await Payment.GetAsync() is not { Captured: > 0 } payment)
        {
            return Result<OrderSnapshot>.Fail(UserError.Of(ErrorCodes.InvalidState, "Nothing was captured for this order; there is nothing to refund.", "orderId"));
        }

        Result<PaymentSnapshot> refunded;
        try
        {
            refunded = await Payment.RefundAsync(amount ?? payment.Refundable);
        }
        catch (PaymentProcessorUnavailableException exception)
        {
            return Result<OrderSnapshot>.Fail(UserError.Of(ErrorCodes.PaymentUnavailable, $"The refund could not reach the payment processor; nothing was refunded. Try again. ({exception.Message})", "orderId"));
        }

        return refunded.Succeeded
            ? Result<OrderSnapshot>.Ok(await RecordRefundAsync(order, refunded.Value!) ?? order)
            : Result<OrderSnapshot>.Fail(refunded.Errors);
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

        await PublishShipmentProgressAsync(order, after);
        if (status == ShipmentStatus.Delivered)
        {
            // Cash on delivery is captured now; the saga does it, after this call.
            await this.AsReference<IOrderProcessGrain>().ResumeAsync();
        }

        return Result<ShipmentSnapshot>.Ok(moved.Value ?? (await Fulfilment.ReadShipmentAsync())!);
    }

    public Task ResumeAsync() => RunSagaAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => RunSagaAsync();

    private async Task RunSagaAsync()
    {
        try
        {
            for (var step = 0; step < MaxStepsPerPass; step++)
            {
                switch (await StepAsync())
                {
                    case SagaStep.Next:
                        continue;
                    case SagaStep.Done:
                        await StopSagaAsync();
                        return;
                    default:
                        return;
                }
            }
        }
        catch (Exception exception) when (exception is PaymentProcessorUnavailableException or CarrierUnavailableException or OrleansTransactionException or TimeoutException)
        {
            // Nothing half-done stays behind: every step is a processor call with an idempotency key or a transaction.
            // The reminder runs the step again.
            LogWaiting(logger, Id, exception.Message);
        }
    }

    private async Task<SagaStep> StepAsync()
    {
        if (await Fulfilment.ReadAsync() is not { } order)
        {
            return SagaStep.Done;
        }

        var payment = await Payment.GetAsync();
        if (payment is not null && payment.Refunded > order.Refunded)
        {
            await RecordRefundAsync(order, payment);
            return SagaStep.Next;
        }

        return order switch
        {
            { Status: OrderStatus.Cancelled } => await SettleCancelledAsync(payment),
            { Status: OrderStatus.PendingPayment, TrackingNumber: null } => await PayAsync(order, payment),
            _ => await FollowShipmentAsync(order, payment),
        };
    }

    // Card: authorize, capture, then label (the order is PAID). Cash on delivery: record the promise, then label (the
    // order is confirmed). A decline, or no payment within the timeout, cancels the order and gives the cart back.
    private async Task<SagaStep> PayAsync(OrderSnapshot order, PaymentSnapshot? payment)
    {
        var cashOnDelivery = order.Payment.Method == PaymentMethod.CashOnDelivery;
        switch (payment?.Status ?? PaymentStatus.Pending)
        {
            case PaymentStatus.Pending when !cashOnDelivery && time.GetUtcNow() - order.PlacedAt >= ordering.Value.PaymentTimeout:
                await CompensateAsync($"Payment was not received within {ordering.Value.PaymentTimeout}.");
                return SagaStep.Next;
            case PaymentStatus.Pending:
                await KeepSagaAsync(PaymentPeriod);
                await Payment.AuthorizeAsync(new PaymentRequest(order.Payment, order.Total, order.Currency));
                return SagaStep.Next;
            case PaymentStatus.Declined:
                await CompensateAsync($"Payment declined: {payment!.DeclineReason}");
                return SagaStep.Next;
            case PaymentStatus.Authorized when !cashOnDelivery:
                await Payment.CaptureAsync();
                return SagaStep.Next;
            case PaymentStatus.Authorized or PaymentStatus.Captured:
                var label = await carrier.CreateLabelAsync(order.Id, order.ShippingAddress, order.Lines.Sum(l => l.WeightGrams * l.Quantity), order.ShippingSpeed);
                var labelled = await Fulfilment.LabelAsync(label, paid: !cashOnDelivery);
                if (labelled.Succeeded)
                {
                    var at = time.GetUtcNow();
                    await PublishAsync(cashOnDelivery ? new OrderConfirmed(order.Id, order.CustomerId, at) : new OrderPaid(order.Id, order.CustomerId, at));
                    LogLabelled(logger, order.Id, label.TrackingNumber);
                    await KeepSagaAsync(shipping.Value.SandboxStepInterval);
                }

                return SagaStep.Next;
            default:
                // Voided without a cancellation: nothing will be captured, so the order cannot go on.
                await CompensateAsync("The payment was voided.");
                return SagaStep.Next;
        }
    }

    // Tracks the parcel until delivery; cash on delivery is captured then.
    private async Task<SagaStep> FollowShipmentAsync(OrderSnapshot order, PaymentSnapshot? payment)
    {
        if (await Fulfilment.ReadShipmentAsync() is not { } shipment)
        {
            return SagaStep.Done;
        }

        if (shipment.Events.Any(e => e.Status == ShipmentStatus.Delivered))
        {
            if (payment is { Status: PaymentStatus.Authorized })
            {
                await Payment.CaptureAsync();
                return SagaStep.Next;
            }

            return SagaStep.Done;
        }

        await KeepSagaAsync(shipping.Value.SandboxStepInterval);
        var reached = shipment.Events.Where(e => e.Status != ShipmentStatus.Exception).Max(e => e.Status);
        var tracking = await carrier.TrackAsync(shipment.TrackingNumber);
        var moved = false;
        foreach (var next in tracking.Events.Where(e => e.Status > reached && e.Status != ShipmentStatus.Exception).OrderBy(e => e.Status))
        {
            var (result, after) = await Fulfilment.TrackAsync(next);
            await PublishShipmentProgressAsync(order, after);
            order = after ?? order;
            moved |= result.Value is not null;
        }

        return moved ? SagaStep.Next : SagaStep.Wait;
    }

    // A cancelled order keeps no money: an authorization is voided, a capture refunded in full.
    private async Task<SagaStep> SettleCancelledAsync(PaymentSnapshot? payment)
    {
        switch (payment?.Status)
        {
            case null or PaymentStatus.Pending or PaymentStatus.Authorized:
                await Payment.VoidAsync();
                return SagaStep.Next;
            case PaymentStatus.Captured or PaymentStatus.PartiallyRefunded when payment.Refundable > 0:
                await Payment.RefundAsync(payment.Refundable);
                return SagaStep.Next;
            default:
                return SagaStep.Done;
        }
    }

    private async Task CompensateAsync(string reason) => await CancelOrderAsync(reason, restoreCart: true);

    private async Task<Result<OrderSnapshot>> CancelOrderAsync(string reason, bool restoreCart)
    {
        var (cancelled, released) = await Fulfilment.CancelAsync(reason, restoreCart);
        if (cancelled.Succeeded)
        {
            var order = cancelled.Value!;
            var at = time.GetUtcNow();
            await Catalog.CommitAsync([.. released.Select(r => new StockChanged(r.Product, at, r.Quantity, StockChanged.Released))]);
            await PublishAsync(new OrderCancelled(order.Id, order.CustomerId, at, reason));
            LogCancelled(logger, order.Id, reason);
        }

        return cancelled;
    }

    private async Task<OrderSnapshot?> RecordRefundAsync(OrderSnapshot before, PaymentSnapshot payment)
    {
        var after = await Fulfilment.RecordRefundAsync(payment.Refunded, payment.Captured);
        if (after.Refunded > before.Refunded)
        {
            await PublishAsync(new OrderRefunded(after.Id, after.CustomerId, time.GetUtcNow(), after.Refunded - before.Refunded, after.Refunded));
        }

        return after;
    }

    private async Task PublishShipmentProgressAsync(OrderSnapshot before, OrderSnapshot? after)
    {
        OrderingEvent? progress = (before.Status, after?.Status) switch
        {
            (not OrderStatus.Shipped, OrderStatus.Shipped) => new OrderShipped(before.Id, before.CustomerId, time.GetUtcNow()),
            (not OrderStatus.Delivered, OrderStatus.Delivered) => new OrderDelivered(before.Id, before.CustomerId, time.GetUtcNow()),
            _ => null,
        };

        if (progress is not null)
        {
            await PublishAsync(progress);
        }
    }

    // A price that changed since the customer added the line is shown to them: the cart moves to it.
    private async Task RepriceCartAsync(Guid customerId, IEnumerable<CheckoutAttempt.LineError> errors)
    {
        var prices = errors.Where(e => e.Error.Code == ErrorCodes.PriceChanged && e.CurrentPrice is not null)
            .ToImmutableDictionary(e => e.ProductId, e => e.CurrentPrice!.Value);
        if (prices.Count > 0)
        {
            await TransactionRetry.Pipeline.ExecuteAsync(async _ => await grains.GetGrain<ICartGrain>(customerId).RepriceAsync(prices));
        }
    }

    private Task PublishAsync(OrderingEvent domainEvent) =>
        this.PublishAsync<OrderingEvent>(StreamNames.Ordering, [domainEvent], e => e.OrderId.ToString());

    private async Task KeepSagaAsync(TimeSpan period)
    {
        if (_reminderPeriod != period)
        {
            await this.RegisterOrUpdateReminder(SagaReminder, period, period);
            _reminderPeriod = period;
        }
    }

    private async Task StopSagaAsync()
    {
        if (await this.GetReminder(SagaReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderPeriod = null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private enum SagaStep
    {
        // The step is done; take the next one now.
        Next,

        // Waiting on someone else (the carrier); the reminder looks again.
        Wait,

        // The order has reached its end.
        Done,
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} placed by {CustomerId} for {Total}")]
    private static partial void LogPlaced(ILogger logger, Guid orderId, Guid customerId, decimal total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkout {OrderId} of {CustomerId} rejected: {Codes}")]
    private static partial void LogRejected(ILogger logger, Guid orderId, Guid customerId, string codes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} cancelled: {Reason}")]
    private static partial void LogCancelled(ILogger logger, Guid orderId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} labelled for shipment {TrackingNumber}")]
    private static partial void LogLabelled(ILogger logger, Guid orderId, string trackingNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} waits to try again: {Reason}")]
    private static partial void LogWaiting(ILogger logger, Guid orderId, string reason);
}
