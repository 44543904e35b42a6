using System.Collections.Immutable;
using EShop.Catalog;
using EShop.Shared;
using Orleans.Transactions.Abstractions;

namespace EShop.Carts;

[GrainType("eshop.carts.cart")]
public sealed class CartGrain(
    [TransactionalState(StateNames.Cart, StorageNames.Carts)] ITransactionalState<CartState> state,
    CatalogView catalog) : Grain, ICartGrain
{
    // The lines this activation last read or wrote, committed or not (see PeekAsync).
    private CartSnapshot? _seen;

    public Task<CartSnapshot> GetAsync() => state.PerformRead(Snapshot);

    public Task<CartSnapshot?> PeekAsync() => Task.FromResult(_seen);

    public Task<Result<CartSnapshot>> AddAsync(string productId, int quantity) =>
        ChangeLineAsync(productId, quantity, allowZero: false, line => (line?.Quantity ?? 0) + quantity, refreshPrice: true);

    public Task<Result<CartSnapshot>> SetQuantityAsync(string productId, int quantity) =>
        ChangeLineAsync(productId, quantity, allowZero: true, _ => quantity, refreshPrice: false);

    public Task<CartSnapshot> ClearAsync() => state.PerformUpdate(s =>
    {
        s.Lines.Clear();
        return Snapshot(s);
    });

    public Task<bool> ClearIfUnchangedAsync(ImmutableArray<CartLine> expected) => state.PerformUpdate(s =>
    {
        var unchanged = s.Lines.SequenceEqual(expected);
        if (unchanged)
        {
            s.Lines.Clear();
        }

        Snapshot(s);
        return unchanged;
    });

    public Task<CartSnapshot> RestoreAsync(ImmutableArray<CartLine> lines) => state.PerformUpdate(s =>
    {
        foreach (var line in lines)
        {
            var index = s.Lines.FindIndex(l => l.ProductId == line.ProductId);
            if (index >= 0)
            {
                s.Lines[index] = s.Lines[index] with { Quantity = s.Lines[index].Quantity + line.Quantity };
            }
            else
            {
                s.Lines.Add(line);
            }
        }

        return Snapshot(s);
    });

    public Task<CartSnapshot> RepriceAsync(ImmutableDictionary<string, decimal> unitPrices) => state.PerformUpdate(s =>
    {
        s.Lines = [.. s.Lines.Select(l => unitPrices.TryGetValue(l.ProductId, out var price) ? l with { UnitPrice = price } : l)];
        return Snapshot(s);
    });

    // Sets one line to newQuantity's answer. Availability comes from this silo's catalog view, not a transaction on the
    // product: adding to a cart must not lock stock that checkout is selling.
    private async Task<Result<CartSnapshot>> ChangeLineAsync(
        string productId, int quantity, bool allowZero, Func<CartLine?, int> newQuantity, bool refreshPrice)
    {
        if (CartRules.ValidateQuantity(quantity, allowZero) is { } invalid)
        {
            return Result<CartSnapshot>.Fail(invalid);
        }

        await catalog.Loaded;
        if (catalog.Get(productId) is not { Removed: false } product)
        {
            return Result<CartSnapshot>.Fail(UserError.Of(ErrorCodes.NotFound, $"Product '{productId}' does not exist.", "productId"));
        }

        return await state.PerformUpdate(s =>
        {
            var index = s.Lines.FindIndex(l => l.ProductId == productId);
            var line = index >= 0 ? s.Lines[index] : null;
            var wanted = newQuantity(line);
            if (CartRules.ValidateQuantity(wanted, allowZero: true) is { } tooMany)
            {
                return Result<CartSnapshot>.Fail(tooMany);
            }

            if (wanted > product.Stock)
            {
                return Result<CartSnapshot>.Fail(UserError.Of(
                    ErrorCodes.OutOfStock, $"Only {product.Stock} of '{product.Name}' ({productId}) are in stock.", "quantity"));
            }

            var updated = new CartLine(productId, wanted, line is null || refreshPrice ? product.SalePrice : line.UnitPrice);
            if (wanted == 0)
            {
                s.Lines.RemoveAll(l => l.ProductId == productId);
            }
            else if (index >= 0)
            {
                s.Lines[index] = updated;
            }
            else
            {
                s.Lines.Add(updated);
            }

            return Result<CartSnapshot>.Ok(Snapshot(s));
        });
    }

    private CartSnapshot Snapshot(CartState s) => _seen = new([.. s.Lines]);
}
