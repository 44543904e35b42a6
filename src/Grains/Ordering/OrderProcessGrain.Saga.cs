using EShop.Ordering.Events;
using EShop.Payments;
using EShop.Shared;
using EShop.Shipping;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Transactions;

namespace EShop.Ordering;

// The saga that takes a placed order to one end. Its state is the committed state of the order, its payment ledger and
// its shipment; each pass reads them and takes the next step: processor calls (idempotent, each started in the ledger
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

    // When a pass next asks the carrier where the parcel is (FollowShipmentAsync); a new activation asks at once.
    private DateTimeOffset _nextTracking;

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
        var payment = await ReadPaymentAsync();
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
