using System.Collections.Immutable;
using EShop.Catalog.Events;
using EShop.Shared;

namespace EShop.Catalog;

/// <summary>A stateless worker: admin commands need no state of their own, so each silo runs as many as the load asks.</summary>
[StatelessWorker, GrainType("eshop.catalog.admin")]
public sealed class CatalogAdminGrain(ITransactionClient transactions, IGrainFactory grains, TimeProvider time) : Grain, ICatalogAdminGrain
{
    private ICatalogGrain Catalog => grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key);

    public async Task<Result<Category>> UpsertCategoryAsync(string id, string name)
    {
        var errors = Validation.Collect(Validation.Slug(id, "id"), Validation.Required(name, 100, "name")).ToList();
        return errors.Count > 0
            ? Result<Category>.Fail(errors)
            : Result<Category>.Ok(await Catalog.UpsertCategoryAsync(new Category(id, name.Trim())));
    }

    public async Task<Result<ProductSnapshot>> UpsertProductAsync(string productId, ProductDetails details)
    {
        var errors = ProductRules.Validate(productId, details).ToList();
        if (errors.Count == 0 && !(await Catalog.GetCategoriesAsync()).Any(c => c.Id == details.CategoryId))
        {
            errors.Add(UserError.Of(ErrorCodes.NotFound, $"Category '{details.CategoryId}' does not exist.", "input", "categoryId"));
        }

        if (errors.Count > 0)
        {
            return Result<ProductSnapshot>.Fail(errors);
        }

        ProductUpsert? upsert = null;
        await TransactionRetry.Pipeline.ExecuteAsync(async _ => await transactions.RunTransaction(
            TransactionOption.Create,
            async () => upsert = await grains.GetGrain<IProductGrain>(productId).UpsertAsync(details)));

        await CommittedAsync([.. UpsertEvents(upsert!, time.GetUtcNow())]);
        return Result<ProductSnapshot>.Ok(upsert!.Current);
    }

    public async Task<Result<ProductSnapshot>> SetPriceAsync(string productId, decimal price)
    {
        if (Validation.Money(price, "price") is { } error)
        {
            return Result<ProductSnapshot>.Fail(error);
        }

        return await ChangeAsync(productId, p => p.SetPriceAsync(price), (before, after, at) => new PriceChanged(after, at, before.SalePrice));
    }

    public async Task<Result<ProductSnapshot>> SetDiscountAsync(string productId, decimal percent)
    {
        if (ProductRules.ValidateDiscount(percent) is { } error)
        {
            return Result<ProductSnapshot>.Fail(error);
        }

        return await ChangeAsync(productId, p => p.SetDiscountAsync(percent), (before, after, at) => new PriceChanged(after, at, before.SalePrice));
    }

    public Task<Result<ProductSnapshot>> AdjustStockAsync(string productId, int delta) =>
        ChangeAsync(productId, p => p.AdjustStockAsync(delta), (_, after, at) => new StockChanged(after, at, delta, StockChanged.Adjusted));

    /// <summary>Runs one product change in a transaction and, once it has committed, records and publishes its event.</summary>
    private async Task<Result<ProductSnapshot>> ChangeAsync(
        string productId,
        Func<IProductGrain, Task<Result<ProductSnapshot>>> change,
        Func<ProductSnapshot, ProductSnapshot, DateTimeOffset, CatalogEvent> toEvent)
    {
        if (await Catalog.GetProductAsync(productId) is not { } before)
        {
            return Result<ProductSnapshot>.Fail(ProductRules.NotFound(productId, "productId"));
        }

        Result<ProductSnapshot>? result = null;
        await TransactionRetry.Pipeline.ExecuteAsync(async _ => await transactions.RunTransaction(TransactionOption.Create, async () =>
        {
            result = await change(grains.GetGrain<IProductGrain>(productId));
            return result.Succeeded;
        }));

        if (result!.Succeeded)
        {
            await CommittedAsync([toEvent(before, result.Value!, time.GetUtcNow())]);
        }

        return result;
    }

    private static IEnumerable<CatalogEvent> UpsertEvents(ProductUpsert upsert, DateTimeOffset at)
    {
        var (previous, current) = (upsert.Previous, upsert.Current);
        if (previous is null)
        {
            yield return new ProductCreated(current, at);
            yield break;
        }

        if ((previous.Name, previous.Description, previous.CategoryId, previous.WeightGrams) !=
            (current.Name, current.Description, current.CategoryId, current.WeightGrams))
        {
            yield return new ProductUpdated(current, at);
        }

        if (previous.SalePrice != current.SalePrice || previous.Price != current.Price)
        {
            yield return new PriceChanged(current, at, previous.SalePrice);
        }

        if (previous.Stock != current.Stock)
        {
            yield return new StockChanged(current, at, current.Stock - previous.Stock, StockChanged.Adjusted);
        }
    }

    private async Task CommittedAsync(ImmutableArray<CatalogEvent> changes)
    {
        await Catalog.ApplyAsync(changes);
        await this.PublishAsync(StreamNames.Catalog, changes, c => c.ProductId);
    }
}
