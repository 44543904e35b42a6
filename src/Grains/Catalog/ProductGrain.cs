using EShop.Shared;
using Orleans.Transactions.Abstractions;

namespace EShop.Catalog;

[GrainType("eshop.catalog.product")]
public sealed class ProductGrain(
    [TransactionalState(StateNames.Product, StorageNames.Catalog)] ITransactionalState<ProductState> state,
    TimeProvider time) : Grain, IProductGrain
{
    private string Id => this.GetPrimaryKeyString();

    public Task<ProductSnapshot?> GetAsync() => state.PerformRead(s => s.ToSnapshot(Id));

    public Task<ProductChange> UpsertAsync(ProductDetails details) => state.PerformUpdate(s =>
    {
        var previous = s.ToSnapshot(Id);
        if (previous is null)
        {
            s.CreatedAt = time.GetUtcNow();
        }

        (s.Name, s.Description, s.CategoryId, s.Price, s.Stock, s.WeightGrams, s.Removed) =
            (details.Name, details.Description, details.CategoryId, details.Price, details.Stock, details.WeightGrams, false);
        s.Version++;
        return new ProductChange(previous, s.ToSnapshot(Id)!);
    });

    public Task<Result<ProductChange>> SetPriceAsync(decimal price) => ChangeAsync(s =>
    {
        if (ProductRules.ValidateSalePrice(price, s.DiscountPercent, "price") is { } error)
        {
            return error;
        }

        s.Price = price;
        return null;
    });

    public Task<Result<ProductChange>> SetDiscountAsync(decimal percent) => ChangeAsync(s =>
    {
        if (ProductRules.ValidateSalePrice(s.Price, percent, "percent") is { } error)
        {
            return error;
        }

        s.DiscountPercent = percent;
        return null;
    });

    public Task<Result<ProductChange>> AdjustStockAsync(int delta) => ChangeAsync(s =>
    {
        if (s.Stock + (long)delta < 0)
        {
            return UserError.Of(ErrorCodes.InvalidInput, $"Stock is {s.Stock}; it cannot go below zero.", "delta");
        }

        if (s.Stock + (long)delta > int.MaxValue)
        {
            return UserError.Of(ErrorCodes.InvalidInput, $"Stock is {s.Stock}; it cannot go above {int.MaxValue}.", "delta");
        }

        s.Stock += delta;
        return null;
    });

    public Task<Result<ProductChange>> RemoveAsync() => ChangeAsync(s =>
    {
        if (s.Removed)
        {
            return ProductRules.NotFound(Id, "productId");
        }

        s.Removed = true;
        return null;
    });

    public Task<Reservation> ReserveAsync(int quantity, decimal expectedUnitPrice) => state.PerformUpdate(s =>
    {
        var current = s.ToSnapshot(Id);
        if (current is null || current.Removed)
        {
            return new Reservation(ReservationOutcome.NotFound, null);
        }

        if (current.SalePrice != expectedUnitPrice)
        {
            return new Reservation(ReservationOutcome.PriceChanged, current);
        }

        if (s.Stock < quantity)
        {
            return new Reservation(ReservationOutcome.OutOfStock, current);
        }

        s.Stock -= quantity;
        s.Version++;
        return new Reservation(ReservationOutcome.Reserved, s.ToSnapshot(Id));
    });

    public Task<ProductSnapshot?> ReleaseAsync(int quantity) => state.PerformUpdate(s =>
    {
        if (s.Version == 0)
        {
            return null;
        }

        s.Stock += quantity;
        s.Version++;
        return s.ToSnapshot(Id);
    });

    // A change that returns an error must leave the state as it was: the coordinator then aborts the transaction.
    private Task<Result<ProductChange>> ChangeAsync(Func<ProductState, UserError?> change) => state.PerformUpdate(s =>
    {
        if (s.ToSnapshot(Id) is not { } previous)
        {
            return Result<ProductChange>.Fail(ProductRules.NotFound(Id, "productId"));
        }

        if (change(s) is { } error)
        {
            return Result<ProductChange>.Fail(error);
        }

        s.Version++;
        return Result<ProductChange>.Ok(new ProductChange(previous, s.ToSnapshot(Id)!));
    });
}
