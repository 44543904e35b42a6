using EShop.Payments;
using EShop.Shipping;
using Microsoft.Extensions.Logging;

namespace EShop.Ordering;

// One line per step the order process takes, each naming the order (OrderId, a label in the JSON log): Information for
// a step, Warning for a wait or a retry, Error for an order that cannot move. Ids, amounts and statuses only: an
// order's address, its customer's e-mail and its card never reach a log.
public sealed partial class OrderProcessGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} placed by {CustomerId} for {Total}")]
    private static partial void LogPlaced(ILogger logger, Guid orderId, Guid customerId, decimal total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkout {OrderId} of {CustomerId} rejected: {Codes}")]
    private static partial void LogRejected(ILogger logger, Guid orderId, Guid customerId, string codes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} authorizing {Amount} {Currency} by {PaymentMethod}")]
    private static partial void LogAuthorizing(ILogger logger, Guid orderId, decimal amount, string currency, PaymentMethod paymentMethod);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} authorization decided: {PaymentStatus}")]
    private static partial void LogAuthorized(ILogger logger, Guid orderId, PaymentStatus paymentStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} captured {Captured}")]
    private static partial void LogCaptured(ILogger logger, Guid orderId, decimal captured);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} labelled for shipment {TrackingNumber}")]
    private static partial void LogLabelled(ILogger logger, Guid orderId, string trackingNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} shipment {TrackingNumber} moved to {ShipmentStatus}")]
    private static partial void LogTracked(ILogger logger, Guid orderId, string trackingNumber, ShipmentStatus shipmentStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} cancelled (cart restored: {CartRestored}): {Reason}")]
    private static partial void LogCancelled(ILogger logger, Guid orderId, bool cartRestored, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} compensating: {Compensation}")]
    private static partial void LogCompensating(ILogger logger, Guid orderId, string compensation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} payment voided")]
    private static partial void LogVoided(ILogger logger, Guid orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} refunded ({Reason}): {Refunded} refunded in all")]
    private static partial void LogRefunded(ILogger logger, Guid orderId, decimal refunded, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} records the refund its ledger completed: {Refunded} in all")]
    private static partial void LogRefundRecorded(ILogger logger, Guid orderId, decimal refunded);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} saga finished; its reminder is removed")]
    private static partial void LogSagaEnded(ILogger logger, Guid orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} taken up again by its reminder in a new activation: {OrderStatus}, {Outbox} events in its outbox")]
    private static partial void LogRecovering(ILogger logger, Guid orderId, OrderStatus orderStatus, int outbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} publishes {Pending} events again after a failed attempt")]
    private static partial void LogPublishingAgain(ILogger logger, Guid orderId, int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} waits to try again: {Reason}")]
    private static partial void LogWaiting(ILogger logger, Guid orderId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderId} cannot take its next step; it is tried again at the next reminder")]
    private static partial void LogStuck(ILogger logger, Exception exception, Guid orderId);
}
