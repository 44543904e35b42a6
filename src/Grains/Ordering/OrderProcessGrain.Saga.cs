using EShop.Ordering.Events;
using EShop.Payments;
using EShop.Shared;
using EShop.Shipping;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Transactions;

namespace EShop.Ordering;

// The saga that takes a placed order to one end. Its state is the committed state of the order, its payment ledger and
// its shipment; each pass reads them and takes the next step: a processor call (idempotent, started in the ledger
// first) or a transaction. A reminder runs a pass until the order has reached its end, so a crash at any point only
// delays it: the step is taken again, and a step already taken changes nothing.
public sealed partial class OrderProcessGrain
{
    private const string SagaReminder = "saga";

    // Steps that complete at once are followed by the next, each in a turn of its own (a call the grain sends itself),
    // so that calls waiting on the grain — a retried checkout, a cancellation — go between two steps rather than after
    // a whole pass: after a silo dies a step can wait out a call timeout, and ten in a row held a checkout retry for
    // minutes. Up to this many steps follow one another before the saga waits for its reminder.
    private const int MaxStepsInARow = 20;

    private int _stepsInARow;

    private bool _reminderKept;

    // Whether this activation has run a pass: a reminder's tick on one that has not is the saga taken up again after
    // a restart (or a move to another silo).
    private bool _passed;

    // One period for the whole saga, the shortest it needs: how often a waiting payment is tried again, the payment
    // timeout, and how often the parcel moves. Registered once, the reminder costs one write per order.
    private TimeSpan SagaPeriod => new[] { ordering.Value.PaymentRetryInterval, ordering.Value.PaymentTimeout, shipping.Value.SandboxStepInterval }.Min();

    private enum SagaStep
    {
        // The step is done; take the next one now.
        Next,

        // Waiting on someone else (the carrier); the reminder looks again.
        Wait,

        // The order has reached its end.
        Done,
    }

    public Task ResumeAsync() => RunSagaAsync(byReminder: false);

    public Task ReceiveReminder(string reminderName, TickStatus status) => RunSagaAsync(byReminder: true);

    private async Task RunSagaAsync(bool byReminder)
    {
        var recovering = byReminder && !_passed;
        _passed = true;
        if (byReminder)
        {
            _stepsInARow = 0;
        }

        try
        {
            var step = await StepAsync(recovering);
            if (step == SagaStep.Next && ++_stepsInARow < MaxStepsInARow)
            {
                await this.AsReference<IOrderProcessGrain>().ResumeAsync();
                return;
            }

            _stepsInARow = 0;
            await AcknowledgePublishedAsync();
            if (step == SagaStep.Done)
            {
                await StopSagaAsync();
                LogSagaEnded(logger, Id);
            }
        }
        catch (Exception exception) when (exception is PaymentProcessorUnavailableException or CarrierUnavailableException or OrleansTransactionException or TimeoutException)
        {
            // Nothing half-done stays behind: the reminder takes the step again.
            LogWaiting(logger, Id, exception.Message);
        }
        catch (Exception exception)
        {
            // Not one that waiting cures (a processor refusing a call it took before, a bug): the reminder keeps trying,
            // and this says why the order does not move.
            LogStuck(logger, exception, Id);
        }
    }

    private async Task<SagaStep> StepAsync(bool recovering)
    {
        if (await Fulfilment.ReadAsync() is not { } order)
        {
            return SagaStep.Done;
        }

        if (recovering)
        {
            LogRecovering(logger, Id, order.Status, order.Outbox.Length);
        }

        // A stream that fails holds up neither payment nor shipping; but the saga does not end with events unsent.
        await TryPublishOutboxAsync(order);
        var next = await NextStepAsync(order);
        return next == SagaStep.Done && order.Outbox.Any(e => e.Sequence > _published) ? SagaStep.Wait : next;
    }

    private async Task<SagaStep> NextStepAsync(OrderSnapshot order)
    {
        var payment = await Payment.GetAsync();
        if (payment is not null && payment.Refunded > order.Refunded)
        {
            // A refund the ledger completed and the order has not heard of (its silo died in between).
            await RecordRefundAsync(payment);
            LogRefundRecorded(logger, Id, payment.Refunded);
            return SagaStep.Next;
        }

        return order switch
        {
            { Status: OrderStatus.Cancelled } => await SettleCancelledAsync(order, payment),
            { Status: OrderStatus.PendingPayment, TrackingNumber: null } => await PayAsync(order, payment),
            _ => await FollowShipmentAsync(payment),
        };
    }

    // Card: authorize, capture, then label (the order is PAID). Cash on delivery: record the promise, then label (the
    // order is confirmed). A decline, no capture within the payment timeout, or a carrier that will not take the parcel
    // cancels the order and gives the cart back; the cancelled order's payment is then voided or refunded.
    private async Task<SagaStep> PayAsync(OrderSnapshot order, PaymentSnapshot? payment)
    {
        var cashOnDelivery = order.Payment.Method == PaymentMethod.CashOnDelivery;
        var status = payment?.Status ?? PaymentStatus.Pending;
        // Cash on delivery is paid later, and a gift card was paid at checkout: only a card can keep an order waiting.
        if (order.Payment.Method == PaymentMethod.Card && status is PaymentStatus.Pending or PaymentStatus.Authorized && time.GetUtcNow() - order.PlacedAt >= ordering.Value.PaymentTimeout)
        {
            await CancelOrderAsync($"Payment was not received within {ordering.Value.PaymentTimeout}.", restoreCart: true);
            return SagaStep.Next;
        }

        switch (status)
        {
            case PaymentStatus.Pending:
                LogAuthorizing(logger, order.Id, order.Total, order.Currency, order.Payment.Method);
                var decided = await Payment.AuthorizeAsync(new PaymentRequest(order.Payment, order.Total, order.Currency));
                LogAuthorized(logger, order.Id, decided.Status);
                metrics.Authorizations.Add(1,
                    new KeyValuePair<string, object?>("outcome", decided.Status == PaymentStatus.Declined ? "declined" : "approved"),
                    new KeyValuePair<string, object?>("payment_method", order.Payment.Method.ToString()));
                return SagaStep.Next;
            case PaymentStatus.Declined:
                await CancelOrderAsync($"Payment declined: {payment!.DeclineReason}", restoreCart: true);
                return SagaStep.Next;
            case PaymentStatus.Authorized when !cashOnDelivery:
                LogCaptured(logger, order.Id, (await Payment.CaptureAsync()).Captured);
                return SagaStep.Next;
            case PaymentStatus.Authorized or PaymentStatus.Captured:
                return await LabelAsync(order, paid: !cashOnDelivery);
            default:
                // Voided without a cancellation: nothing will be captured, so the order cannot go on.
                await CancelOrderAsync("The payment was voided.", restoreCart: true);
                return SagaStep.Next;
        }
    }

    private async Task<SagaStep> LabelAsync(OrderSnapshot order, bool paid)
    {
        CarrierTracking label;
        try
        {
            label = await carrier.CreateLabelAsync(order.Id, order.ShippingAddress, order.Lines.Sum(l => l.WeightGrams * l.Quantity), order.ShippingSpeed);
        }
        catch (CarrierRejectedException exception)
        {
            await CancelOrderAsync($"The carrier would not take the parcel: {exception.Message}", restoreCart: true);
            return SagaStep.Next;
        }

        if (await Fulfilment.LabelAsync(label, paid) is { Succeeded: true } labelled)
        {
            await TryPublishOutboxAsync(labelled.Value!);
            LogLabelled(logger, order.Id, label.TrackingNumber);
        }

        return SagaStep.Next;
    }

    // Tracks the parcel until delivery; cash on delivery is captured then.
    private async Task<SagaStep> FollowShipmentAsync(PaymentSnapshot? payment)
    {
        if (await Fulfilment.ReadShipmentAsync() is not { } shipment)
        {
            return SagaStep.Done;
        }

        if (shipment.Events.Any(e => e.Status == ShipmentStatus.Delivered))
        {
            if (payment is { Status: PaymentStatus.Authorized })
            {
                LogCaptured(logger, Id, (await Payment.CaptureAsync()).Captured);
                return SagaStep.Next;
            }

            return SagaStep.Done;
        }

        return await TrackAsync() ? SagaStep.Next : SagaStep.Wait;
    }

    // Records what the carrier reports beyond what the shipment has reached; true when it moved.
    private async Task<bool> TrackAsync()
    {
        if (await Fulfilment.ReadShipmentAsync() is not { } shipment)
        {
            return false;
        }

        var reached = shipment.Events.Where(e => e.Status != ShipmentStatus.Exception).Max(e => e.Status);
        var moved = false;
        foreach (var next in (await carrier.TrackAsync(shipment.TrackingNumber)).Events
            .Where(e => e.Status > reached && e.Status != ShipmentStatus.Exception).OrderBy(e => e.Status))
        {
            var (result, after) = await Fulfilment.TrackAsync(next);
            if (after is not null)
            {
                await TryPublishOutboxAsync(after);
            }

            if (result.Value is not null)
            {
                LogTracked(logger, Id, shipment.TrackingNumber, next.Status);
            }

            moved |= result.Value is not null;
        }

        return moved;
    }

    // A cancelled order keeps no money: an authorization is voided, a capture refunded in full. A gift card was
    // debited at checkout, so its ledger first records that, and the void then credits it back.
    private async Task<SagaStep> SettleCancelledAsync(OrderSnapshot order, PaymentSnapshot? payment)
    {
        switch (payment?.Status)
        {
            case null when order.Payment.Method == PaymentMethod.GiftCard:
                LogCompensating(logger, Id, "recording the gift card's debit, to credit it back");
                await Payment.AuthorizeAsync(new PaymentRequest(order.Payment, order.Total, order.Currency));
                return SagaStep.Next;
            case null or PaymentStatus.Pending or PaymentStatus.Authorized:
                await Payment.VoidAsync();
                LogVoided(logger, Id);
                return SagaStep.Next;
            case PaymentStatus.Captured or PaymentStatus.PartiallyRefunded when payment.Refundable > 0:
                if (await Payment.RefundAsync(payment.Refundable) is { Succeeded: true } refunded)
                {
                    LogRefunded(logger, Id, refunded.Value!.Refunded, "cancelled");
                }

                metrics.Refunds.Add(1);
                return SagaStep.Next;
            default:
                return SagaStep.Done;
        }
    }

    private async Task KeepSagaAsync()
    {
        if (!_reminderKept)
        {
            await this.RegisterOrUpdateReminder(SagaReminder, SagaPeriod, SagaPeriod);
            _reminderKept = true;
        }
    }

    private async Task StopSagaAsync()
    {
        if (await this.GetReminder(SagaReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderKept = false;
    }
}
