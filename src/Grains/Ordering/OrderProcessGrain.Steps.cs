using EShop.Ordering.Events;
using EShop.Payments;
using EShop.Shared;
using EShop.Shipping;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Transactions;

namespace EShop.Ordering;

// The saga's steps: paying (or confirming) the order and labelling its parcel, following the parcel to delivery, and
// settling the payment of a cancelled order. OrderProcessGrain.Saga.cs decides which one comes next.
public sealed partial class OrderProcessGrain
{
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
                // A card or gift card is captured as soon as it is authorized; cash on delivery is captured on delivery.
                var request = new PaymentRequest(order.Payment, order.Total, order.Currency);
                var decided = await MovePaymentAsync(p => cashOnDelivery ? p.AuthorizeAsync(request) : p.ChargeAsync(request));
                LogAuthorized(logger, order.Id, decided.Status);
                if (decided.Status == PaymentStatus.Captured)
                {
                    LogCaptured(logger, order.Id, decided.Captured);
                }

                metrics.Authorizations.Add(1,
                    new KeyValuePair<string, object?>("outcome", decided.Status == PaymentStatus.Declined ? "declined" : "approved"),
                    new KeyValuePair<string, object?>("payment_method", order.Payment.Method.ToString()));
                return SagaStep.Next;
            case PaymentStatus.Declined:
                await CancelOrderAsync($"Payment declined: {payment!.DeclineReason}", restoreCart: true);
                return SagaStep.Next;
            case PaymentStatus.Authorized when !cashOnDelivery:
                // A charge whose capture failed after the approval was recorded, or one a crash cut short.
                LogCaptured(logger, order.Id, (await MovePaymentAsync(p => p.CaptureAsync())).Captured);
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

        if (await Fulfilment.LabelAsync(label, paid) is not { Succeeded: true } labelled)
        {
            return SagaStep.Next;
        }

        await TryPublishOutboxAsync(labelled.Value!);
        LogLabelled(logger, order.Id, label.TrackingNumber);

        // A parcel labelled this moment is where its label put it: the reminder's next tick asks the carrier, where
        // asking now cost every order a read of its shipment and a call to the carrier.
        return SagaStep.Wait;
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
                LogCaptured(logger, Id, (await MovePaymentAsync(p => p.CaptureAsync())).Captured);
                return SagaStep.Next;
            }

            return SagaStep.Done;
        }

        // The carrier is asked once per tracking interval, not on each tick of the reminder, whose period is the
        // shortest any step needs (a payment's retry): between two asks a parcel in transit costs a tick and no call.
        // Half a period early counts, as ticks drift. An ask that failed (the carrier down, a transaction aborted) is
        // made again at the next tick.
        var now = time.GetUtcNow();
        if (now < _nextTracking)
        {
            return SagaStep.Wait;
        }

        var moved = await TrackAsync(shipment);
        _nextTracking = now + shipping.Value.SandboxStepInterval - SagaPeriod / 2;
        return moved ? SagaStep.Next : SagaStep.Wait;
    }

    // Records what the carrier reports beyond what the shipment has reached (as the caller read it, or as it is now);
    // true when it moved.
    private async Task<bool> TrackAsync(ShipmentSnapshot? known = null)
    {
        if ((known ?? await Fulfilment.ReadShipmentAsync()) is not { } shipment)
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
                await MovePaymentAsync(p => p.AuthorizeAsync(new PaymentRequest(order.Payment, order.Total, order.Currency)));
                return SagaStep.Next;
            case null or PaymentStatus.Pending or PaymentStatus.Authorized:
                await MovePaymentAsync(p => p.VoidAsync());
                LogVoided(logger, Id);
                return SagaStep.Next;
            case PaymentStatus.Captured or PaymentStatus.PartiallyRefunded when payment.Refundable > 0:
                if (await RefundPaymentAsync(payment.Refundable) is { Succeeded: true } refunded)
                {
                    LogRefunded(logger, Id, refunded.Value!.Refunded, "cancelled");
                }

                metrics.Refunds.Add(1);
                return SagaStep.Next;
            default:
                return SagaStep.Done;
        }
    }
}
