using EShop.Customers;
using EShop.Shared;
using EShop.Shipping;

namespace EShop.Ordering;

/// <summary>
/// Drives one order (same key as <see cref="IOrderGrain"/>): checkout as one transaction over cart, products and order,
/// then the saga that takes the order to one end — payment, shipment and delivery, or cancellation with its stock
/// released and its payment voided or refunded. The saga's state is the order, payment and shipment grains' committed
/// state; a reminder resumes it after a crash. Calls for one order queue here, so a cancellation, a refund and a saga
/// step never race each other.
/// </summary>
[Alias("eshop.ordering.IOrderProcessGrain")]
public interface IOrderProcessGrain : IGrainWithGuidKey
{
    /// <summary>Places the order from the customer's cart; the grain's key must be <see cref="OrderIds.ForCheckout"/>.
    /// Answers once the order is placed; payment and shipping follow without the caller.</summary>
    [Alias("Checkout")]
    Task<Result<OrderSnapshot>> CheckoutAsync(CheckoutRequest request);

    /// <summary>Cancels an order that has not shipped and puts its units back in stock; a payment is voided or refunded.</summary>
    [Alias("Cancel")]
    Task<Result<OrderSnapshot>> CancelAsync(string reason);

    /// <summary>Refunds <paramref name="amount"/> (null: all that is left) of what was captured, to the original method.</summary>
    [RequiresPermission(Permissions.OrdersRefund), Alias("Refund")]
    Task<Result<OrderSnapshot>> RefundAsync(decimal? amount);

    /// <summary>Moves the order's shipment by hand (an administrator); statuses never go backwards.</summary>
    [RequiresPermission(Permissions.ShipmentsWrite), Alias("AdvanceShipment")]
    Task<Result<ShipmentSnapshot>> AdvanceShipmentAsync(ShipmentStatus status, string? location);

    /// <summary>Runs the saga's next steps now instead of at the next reminder.</summary>
    [OneWay, Alias("Resume")]
    Task ResumeAsync();
}
