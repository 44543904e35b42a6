using System.Collections.Immutable;
using EShop.Catalog.Events;
using EShop.Shared;

namespace EShop.Catalog;

// A stateless worker: admin commands keep no state of their own, so each silo runs as many as the load asks for.
[StatelessWorker, GrainType("eshop.catalog.admin")]
public sealed class CatalogAdminGrain(ITransactionClient transactions, IGrainFactory grains, CatalogView view, TimeProvider time) : Grain, ICatalogAdminGrain
{
    public async Task<Result<Category>> UpsertCategoryAsync(string id, string name)
    {
        var errors = Validation.Collect(Validation.Slug(id, "id"), Validation.Required(name, 100, "name")).ToList();
        return errors.Count > 0
            ? Result<Category>.Fail(errors)
            : Result<Category>.Ok(await grains.GetGrain<ICategoriesGrain>(ICategoriesGrain.Key).UpsertAsync(new Category(id, name.Trim())));
    }

    public async Task<Result<ProductSnapshot>> UpsertProductAsync(string productId, ProductDetails details)
    {
        var errors = await ValidateAsync(productId, details);
        return errors.Count > 0
            ? Result<ProductSnapshot>.Fail(errors)
            : await ChangeAsync(productId, async p => Result<ProductChange>.Ok(await p.UpsertAsync(details)), UpsertEvents);
    }

    public async Task<Result<int>> ImportProductsAsync(ImmutableArray<ProductImport> products)
    {
        if (products.Length > ICatalogAdminGrain.MaxImport || products.Select(p => p.ProductId).Distinct().Count() < products.Length)
        {
            return Result<int>.Fail(UserError.Of(
                ErrorCodes.InvalidInput, $"An import takes at most {ICatalogAdminGrain.MaxImport} products, each SKU once.", "products"));
        }

        var errors = new List<UserError>();
        foreach (var product in products)
        {
            errors.AddRange(await ValidateAsync(product.ProductId, product.Details));
        }

        if (errors.Count > 0)
        {
            return Result<int>.Fail(errors);
        }

        ProductChange[] changes = [];
        await transactions.RunWithRetryAsync(async () => changes = await Task.WhenAll(
            products.Select(p => grains.GetGrain<IProductGrain>(p.ProductId).UpsertAsync(p.Details))));
        var at = time.GetUtcNow();
        await grains.CommitCatalogAsync(changes.SelectMany(change => UpsertEvents(change, at)));
        return Result<int>.Ok(changes.Length);
    }

    public async Task<Result<ProductSnapshot>> SetPriceAsync(string productId, decimal price) =>
        Validation.Money(price, "price") is { } error
            ? Result<ProductSnapshot>.Fail(error)
            : await ChangeAsync(productId, p => p.SetPriceAsync(price), PriceEvents);

    public async Task<Result<ProductSnapshot>> SetDiscountAsync(string productId, decimal percent) =>
        ProductRules.ValidateDiscount(percent) is { } error
            ? Result<ProductSnapshot>.Fail(error)
            : await ChangeAsync(productId, p => p.SetDiscountAsync(percent), PriceEvents);

    public Task<Result<ProductSnapshot>> AdjustStockAsync(string productId, int delta) =>
        ChangeAsync(productId, p => p.AdjustStockAsync(delta), (change, at) => [new StockChanged(change.Current, at, delta, StockChanged.Adjusted)]);

    public Task<Result<ProductSnapshot>> RemoveProductAsync(string productId) =>
        ChangeAsync(productId, p => p.RemoveAsync(), (change, at) => [new ProductRemoved(change.Current, at)]);

    // One product change in its own transaction; its events go to the catalog only once it has committed. A refused
    // change commits too (it changed nothing): a refusal read from another transaction's tentative state that
    // later aborts then fails the commit, and the change runs again.
    private async Task<Result<ProductSnapshot>> ChangeAsync(
        string productId,
        Func<IProductGrain, Task<Result<ProductChange>>> change,
        Func<ProductChange, DateTimeOffset, IEnumerable<CatalogEvent>> events)
    {
        Result<ProductChange>? result = null;
        await transactions.RunWithRetryAsync(async () => result = await change(grains.GetGrain<IProductGrain>(productId)));

        if (!result!.Succeeded)
        {
            return Result<ProductSnapshot>.Fail(result.Errors);
        }

        await grains.CommitCatalogAsync(events(result.Value!, time.GetUtcNow()));
        return Result<ProductSnapshot>.Ok(result.Value!.Current);
    }

    // The view's categories include every category whose creation has answered (CategoriesGrain waits for the views).
    private async Task<List<UserError>> ValidateAsync(string productId, ProductDetails details)
    {
        var errors = ProductRules.Validate(productId, details).ToList();
        await view.Loaded;
        if (errors.Count == 0 && !view.Categories.Any(c => c.Id == details.CategoryId))
        {
            errors.Add(UserError.Of(ErrorCodes.NotFound, $"Category '{details.CategoryId}' does not exist.", "input", "categoryId"));
        }

        return errors;
    }

    private static IEnumerable<CatalogEvent> PriceEvents(ProductChange change, DateTimeOffset at) =>
        [new PriceChanged(change.Current, at, change.Previous!.SalePrice)];

    private static IEnumerable<CatalogEvent> UpsertEvents(ProductChange change, DateTimeOffset at)
    {
        var (previous, current) = (change.Previous, change.Current);
        if (previous is null)
        {
            yield return new ProductCreated(current, at);
            yield break;
        }

        if ((previous.Name, previous.Description, previous.CategoryId, previous.WeightGrams, previous.Removed) !=
            (current.Name, current.Description, current.CategoryId, current.WeightGrams, current.Removed))
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
}
