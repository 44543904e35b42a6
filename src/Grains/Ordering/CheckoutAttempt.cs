using EShop.Carts;
using EShop.Catalog;
using EShop.Shared;

namespace EShop.Ordering;

// The body of the checkout transaction: read the cart, reserve every line, create the order, clear the cart. A line
// that cannot be had makes it vote to abort, after trying every line so the customer hears of all of them at once.
//
// Orleans lets a transaction read the prepared state of another that has not committed yet; a reader that commits is
// aborted in cascade if that other one aborts, but a reader that aborts by itself never learns of it. So a refusal
// is only an answer once VerifyRefusalAsync has seen it again in a transaction that commits.
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
        if (await ReadAsync(grains, orderGrain) is not { } lines)
        {
            // An order found is an answer only if this (read-only) transaction commits; an empty cart is a refusal.
            return Order is not null;
        }

        // One order of locking (by SKU) across all checkouts, so two carts with the same products cannot deadlock.
        foreach (var line in lines.OrderBy(l => l.ProductId, StringComparer.Ordinal))
        {
            var reservation = await grains.GetGrain<IProductGrain>(line.ProductId).ReserveAsync(line.Quantity, line.UnitPrice);
            if (reservation.Outcome == ReservationOutcome.Reserved)
            {
                Reserved.Add(new ReservedLine(reservation.Product!, line.Quantity));
            }
            else
            {
                Errors.Add(LineErrorOf(line, reservation.Product)!);
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
        await grains.GetGrain<ICartGrain>(request.CustomerId).ClearAsync();
        Placed = true;
        return true;
    }

    // Reads what a refused attempt decided on (order, cart, products), changing nothing, in a transaction that
    // commits. Run after a refusal, it leaves either the refusal confirmed, or the order, or neither (the refusal
    // had read a transaction that since aborted: try again).
    public async Task<bool> VerifyRefusalAsync(IGrainFactory grains, IOrderGrain orderGrain)
    {
        if (await ReadAsync(grains, orderGrain) is { } lines)
        {
            foreach (var line in lines.OrderBy(l => l.ProductId, StringComparer.Ordinal))
            {
                if (LineErrorOf(line, await grains.GetGrain<IProductGrain>(line.ProductId).GetAsync()) is { } error)
                {
                    Errors.Add(error);
                }
            }
        }

        return true;
    }

    // The cart's lines, or null when there is nothing to reserve: the order exists already, or the cart is empty.
    private async Task<IReadOnlyList<CartLine>?> ReadAsync(IGrainFactory grains, IOrderGrain orderGrain)
    {
        (Order, Placed) = (null, false);
        Errors.Clear();
        Reserved.Clear();
        if (await orderGrain.GetAsync() is { } existing)
        {
            Order = existing;
            return null;
        }

        var lines = (await grains.GetGrain<ICartGrain>(request.CustomerId).GetAsync()).Lines;
        if (lines.IsEmpty)
        {
            Errors.Add(new LineError("", UserError.Of(ErrorCodes.CartEmpty, "The cart is empty."), null));
            return null;
        }

        return lines;
    }

    // The errors name the product in their message; their field is empty, as no checkout input names a cart line.
    private static LineError? LineErrorOf(CartLine line, ProductSnapshot? product) => product switch
    {
        null => new(line.ProductId, UserError.Of(ErrorCodes.NotFound, $"Product '{line.ProductId}' is no longer sold."), null),
        _ when product.SalePrice != line.UnitPrice => new(line.ProductId, UserError.Of(
            ErrorCodes.PriceChanged, $"The price of '{product.Name}' ({product.Id}) changed from {line.UnitPrice} to {product.SalePrice}; the cart now shows the new price."), product.SalePrice),
        _ when product.Stock < line.Quantity => new(line.ProductId, UserError.Of(
            ErrorCodes.OutOfStock, $"Only {product.Stock} of '{product.Name}' ({product.Id}) are in stock; the cart asks for {line.Quantity}."), null),
        _ => null,
    };
}
