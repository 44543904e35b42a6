using EShop.Carts;
using EShop.Catalog;
using EShop.Shared;

namespace EShop.Ordering;

// The body of the checkout transaction: read the cart, reserve every line, create the order, clear the cart.
// It votes to abort on the first business failure it cannot get past, after checking every line so the customer
// hears about all of them at once. Run again by a retry, it starts from scratch.
internal sealed class CheckoutAttempt(CheckoutRequest request, decimal shippingCost)
{
    public sealed record LineError(string ProductId, UserError Error, decimal? CurrentPrice);

    public sealed record ReservedLine(ProductSnapshot Product, int Quantity);

    public List<LineError> Errors { get; } = [];

    public List<ReservedLine> Reserved { get; } = [];

    public OrderSnapshot? Order { get; private set; }

    // False when the order existed already: an earlier attempt with this idempotency key committed it.
    public bool Placed { get; private set; }

    public async Task<bool> RunAsync(IGrainFactory grains, IOrderGrain orderGrain)
    {
        (Order, Placed) = (null, false);
        Errors.Clear();
        Reserved.Clear();

        if (await orderGrain.GetAsync() is { } existing)
        {
            Order = existing;
            return false;
        }

        var cart = grains.GetGrain<ICartGrain>(request.CustomerId);
        var lines = (await cart.GetAsync()).Lines;
        if (lines.IsEmpty)
        {
            Errors.Add(new LineError("", UserError.Of(ErrorCodes.CartEmpty, "The cart is empty."), null));
            return false;
        }

        // One order of locking (by SKU) across all checkouts, so two carts with the same products cannot deadlock.
        foreach (var line in lines.OrderBy(l => l.ProductId, StringComparer.Ordinal))
        {
            var reservation = await grains.GetGrain<IProductGrain>(line.ProductId).ReserveAsync(line.Quantity, line.UnitPrice);
            if (LineErrorOf(line, reservation) is { } error)
            {
                Errors.Add(error);
            }
            else
            {
                Reserved.Add(new ReservedLine(reservation.Product!, line.Quantity));
            }
        }

        if (Errors.Count > 0)
        {
            return false;
        }

        var names = Reserved.ToDictionary(r => r.Product.Id, r => r.Product.Name);
        Order = await orderGrain.PlaceAsync(new NewOrder(
            request.CustomerId,
            [.. lines.Select(l => new OrderLine(l.ProductId, names[l.ProductId], l.Quantity, l.UnitPrice))],
            shippingCost,
            request.ShippingAddress,
            request.ShippingSpeed,
            request.Payment));
        await cart.ClearAsync();
        Placed = true;
        return true;
    }

    // The errors name the product in their message; their field is empty, as no checkout input names a cart line.
    private static LineError? LineErrorOf(CartLine line, Reservation reservation) => reservation switch
    {
        { Outcome: ReservationOutcome.Reserved } => null,
        { Outcome: ReservationOutcome.NotFound } => new(line.ProductId, UserError.Of(
            ErrorCodes.NotFound, $"Product '{line.ProductId}' is no longer sold."), null),
        { Outcome: ReservationOutcome.PriceChanged, Product: var p } => new(line.ProductId, UserError.Of(
            ErrorCodes.PriceChanged, $"The price of '{p!.Name}' ({p.Id}) changed from {line.UnitPrice} to {p.SalePrice}; the cart now shows the new price."), p.SalePrice),
        { Product: var p } => new(line.ProductId, UserError.Of(
            ErrorCodes.OutOfStock, $"Only {p!.Stock} of '{p.Name}' ({p.Id}) are in stock; the cart asks for {line.Quantity}."), null),
    };
}
