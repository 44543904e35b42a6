using EShop.Carts;
using EShop.Ordering;
using EShop.Shared;

namespace EShop.Tests.Ordering;

// Fills carts and checks out the way the gateway does; each test brings its own customer and key.
public static class Checkouts
{
    public static readonly Address Address = new("Ana García", "Calle Mayor 1", null, "Madrid", "28013", "ES");

    public static readonly PaymentDetails Card = new(PaymentMethod.Card, "tok_visa", null);

    public static CheckoutRequest Request(Guid customerId, string? key = null, Address? address = null, PaymentDetails? payment = null) =>
        new(customerId, key ?? Guid.NewGuid().ToString(), address ?? Address, ShippingSpeed.Standard, payment ?? Card);

    public static Task<Result<OrderSnapshot>> CheckoutAsync(IGrainFactory grains, CheckoutRequest request) =>
        grains.GetGrain<IOrderProcessGrain>(OrderIds.ForCheckout(request.CustomerId, request.IdempotencyKey)).CheckoutAsync(request);

    public static async Task<Guid> CustomerWithCartAsync(IGrainFactory grains, params (string ProductId, int Quantity)[] lines)
    {
        var customerId = Guid.NewGuid();
        foreach (var (productId, quantity) in lines)
        {
            var added = await grains.GetGrain<ICartGrain>(customerId).AddAsync(productId, quantity);
            Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Message)));
        }

        return customerId;
    }
}
