using System.Collections.Immutable;
using EShop.Carts;
using EShop.Catalog;
using EShop.Payments;
using EShop.Shared;
using EShop.Shipping;

namespace EShop.Ordering;

// The steps of a checkout. Look takes the cart's lines; then the checkout transaction reserves every line, creates
// the order and clears the cart. A line that cannot be had makes it vote to abort, after trying every line so the
// customer hears of all of them at once.
//
// The transaction locks the products first and the customer's own order and cart after. Orleans breaks any lock a
// transaction has held for longer than its lock timeout (Orleans:Transactions:LockTimeout, 4 s here), and a
// best-selling product can keep a checkout waiting that long, most of all while a silo's death leaves its
// transactions to time out: a checkout that locked its cart and then queued for the product would find its cart lock
// broken by the time it got the product, abort, and queue again, so that under load no checkout got through for
// minutes. Locked last, the cart and order are held for milliseconds; the transaction checks that the cart is as Look
// saw it (if not, the checkout looks again) and that the order does not exist yet (if it does, a committed read
// confirms it and it is the answer). Among the products the order is by SKU, to rule out deadlocks; a quiet product
// that sorts before a best-selling one in the same cart is still held while the checkout queues for the latter.
//
// Orleans lets a transaction read the prepared state of another that has not committed yet; a reader that commits is
// aborted in cascade if that other one aborts, but a reader that aborts by itself never learns of it. So what an
// aborted transaction saw (a refusal, an existing order) is only an answer once read again in a committed read.
internal sealed class CheckoutAttempt(CheckoutRequest request)
{
    private ImmutableArray<CartLine> _lines = [];

    public sealed record LineError(string ProductId, UserError Error, decimal? CurrentPrice);

    public sealed record ReservedLine(ProductSnapshot Product, int Quantity);

    public List<LineError> Errors { get; } = [];

    public List<ReservedLine> Reserved { get; } = [];

    public OrderSnapshot? Order { get; private set; }

    // False when the order existed already: an earlier attempt with this idempotency key committed it.
    public bool Placed { get; private set; }

    // True when what was read is the answer: an empty cart, and the order if an earlier try placed it. With guess,
    // the lines are the cart grain's PeekAsync when it has them, which spares a storage write; the transaction checks
    // them. Without (in later rounds, when a guess may be what failed), and to call a cart empty, a committed read.
    public async Task<bool> LookAsync(IGrainFactory grains, IOrderGrain orderGrain, bool guess)
    {
        Reset();
        if (guess && await Cart(grains).PeekAsync() is { Lines.IsEmpty: false } seen)
        {
            _lines = seen.Lines;
            return false;
        }

        _lines = (await Cart(grains).GetAsync()).Lines;
        if (!_lines.IsEmpty)
        {
            return false;
        }

        if (!await ConfirmOrderAsync(orderGrain))
        {
            Errors.Add(new LineError("", UserError.Of(ErrorCodes.CartEmpty, "The cart is empty."), null));
        }

        return true;
    }

    // After a transaction that found the order: true when a committed read finds it too.
    public async Task<bool> ConfirmOrderAsync(IOrderGrain orderGrain) => (Order = await orderGrain.GetAsync()) is not null;

    // The checkout transaction's body. Voting to abort with no errors means the cart changed since Look, or the order
    // exists already (then in Order).
    public async Task<bool> RunAsync(IGrainFactory grains, IOrderGrain orderGrain)
    {
        Reset();

        foreach (var line in SortedLines)
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

        var (lines, shipping) = Price(Reserved.ToDictionary(r => r.Product.Id, r => r.Product));

        // A gift card pays in this transaction: after the products, before the customer's own order and cart.
        if (GiftCard(grains) is { } card && (await card.DebitAsync(orderGrain.GetPrimaryKey(), lines.Sum(l => l.LineTotal) + shipping)).Errors is { IsDefaultOrEmpty: false } declined)
        {
            Errors.Add(new LineError("", declined[0], null));
            return false;
        }

        // Place if absent, clear if unchanged: one call each, where reading both first took two more.
        var placed = await orderGrain.PlaceIfAbsentAsync(new NewOrder(
            request.CustomerId,
            [.. lines],
            shipping,
            request.ShippingAddress,
            request.ShippingSpeed,
            StoredPayment,
            [.. Reserved.Select(r => r.Product)]));
        if (placed is null)
        {
            Order = await orderGrain.GetAsync();
            return false;
        }

        if (!await Cart(grains).ClearIfUnchangedAsync(_lines))
        {
            return false;
        }

        (Order, Placed) = (placed, true);
        return true;
    }

    // Reads what a refused attempt decided on, changing nothing, in a transaction that commits, in the checkout's
    // order of locking. It leaves the refusal confirmed, or the order (an earlier try placed it), or neither: the
    // refusal had read a transaction that since aborted, or the cart changed since Look; the checkout then runs again.
    public async Task<bool> VerifyRefusalAsync(IGrainFactory grains, IOrderGrain orderGrain)
    {
        Errors.Clear();
        var products = new Dictionary<string, ProductSnapshot>();
        foreach (var line in SortedLines)
        {
            var product = await grains.GetGrain<IProductGrain>(line.ProductId).GetAsync();
            if (LineErrorOf(line, product) is { } error)
            {
                Errors.Add(error);
            }
            else
            {
                products[line.ProductId] = product!;
            }
        }

        if (Errors.Count == 0 && GiftCard(grains) is { } card)
        {
            var (lines, shipping) = Price(products);
            var total = lines.Sum(l => l.LineTotal) + shipping;
            var balance = await card.GetAsync();
            if (balance is null || balance.Balance < total)
            {
                Errors.Add(new LineError("", balance is null ? GiftCards.Unknown() : GiftCards.ShortOf(balance.Balance, balance.Currency, total), null));
            }
        }

        if (!await UnchangedSinceLookAsync(grains, orderGrain))
        {
            Errors.Clear();
        }

        return true;
    }

    private IEnumerable<CartLine> SortedLines => InLockOrder(_lines, l => l.ProductId);

    // The one order in which checkouts and cancellations lock products (by SKU), so that none deadlock each other.
    public static IEnumerable<T> InLockOrder<T>(IEnumerable<T> lines, Func<T, string> productId) =>
        lines.OrderBy(productId, StringComparer.Ordinal);

    private ICartGrain Cart(IGrainFactory grains) => grains.GetGrain<ICartGrain>(request.CustomerId);

    private IGiftCardGrain? GiftCard(IGrainFactory grains) => request.Payment is { Method: PaymentMethod.GiftCard, GiftCardCode: { } code }
        ? grains.GetGrain<IGiftCardGrain>(GiftCards.KeyOf(code))
        : null;

    // What the order keeps of the payment: a gift card by its key, never the code that spends it.
    private PaymentDetails StoredPayment => request.Payment is { Method: PaymentMethod.GiftCard, GiftCardCode: { } code }
        ? request.Payment with { GiftCardCode = GiftCards.KeyOf(code) }
        : request.Payment;

    // The order's lines as sold, and shipping by the rate tables for their weight at the speed chosen.
    private (List<OrderLine> Lines, decimal Shipping) Price(IReadOnlyDictionary<string, ProductSnapshot> products)
    {
        var lines = _lines.Select(l => new OrderLine(l.ProductId, products[l.ProductId].Name, l.Quantity, l.UnitPrice, products[l.ProductId].WeightGrams)).ToList();
        return (lines, ShippingRates.Quote(request.ShippingAddress.Country, lines.Sum(l => l.WeightGrams * l.Quantity), request.ShippingSpeed).Cost);
    }

    private async Task<bool> UnchangedSinceLookAsync(IGrainFactory grains, IOrderGrain orderGrain) =>
        (Order = await orderGrain.GetAsync()) is null && (await Cart(grains).GetAsync()).Lines.SequenceEqual(_lines);

    private void Reset()
    {
        (Order, Placed) = (null, false);
        Errors.Clear();
        Reserved.Clear();
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
