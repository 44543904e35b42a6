using EShop.Shared;

namespace EShop.Ordering;

/// <summary>
/// Drives one order (same key as <see cref="IOrderGrain"/>): checkout as one transaction over cart, products and order,
/// then cancellation. Calls for one order queue here, so concurrent retries of a checkout cannot race each other.
/// </summary>
[Alias("eshop.ordering.IOrderProcessGrain")]
public interface IOrderProcessGrain : IGrainWithGuidKey
{
    /// <summary>Places the order from the customer's cart; the grain's key must be <see cref="OrderIds.ForCheckout"/>.</summary>
    [Alias("Checkout")]
    Task<Result<OrderSnapshot>> CheckoutAsync(CheckoutRequest request);

    /// <summary>Cancels an order that has not shipped and puts its units back in stock.</summary>
    [Alias("Cancel")]
    Task<Result<OrderSnapshot>> CancelAsync(string reason);
}
