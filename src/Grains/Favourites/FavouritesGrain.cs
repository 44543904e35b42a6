using System.Collections.Immutable;
using EShop.Catalog;
using EShop.Shared;

namespace EShop.Favourites;

// The product is watched before the favourite is stored, and the favourite dropped before the product is unwatched:
// a crash in between leaves at worst a watcher without a favourite (one notification too many), never a favourite that
// goes unwatched. Repeating the call completes it.
[GrainType("eshop.favourites.favourites")]
public sealed class FavouritesGrain(
    [PersistentState(StateNames.Favourites, StorageNames.Favourites)] IPersistentState<List<Favourite>> favourites,
    IGrainFactory grains,
    TimeProvider time) : Grain, IFavouritesGrain
{
    private Guid CustomerId => this.GetPrimaryKey();

    private ICatalogGrain Catalog => grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key);

    public async Task<Result<ImmutableArray<Favourite>>> AddAsync(string productId)
    {
        if (Validation.Slug(productId, "productId") is not null || await Catalog.GetProductAsync(productId) is null)
        {
            return Result<ImmutableArray<Favourite>>.Fail(UserError.Of(ErrorCodes.NotFound, $"Product '{productId}' does not exist.", "productId"));
        }

        var list = favourites.State;
        if (list.Any(f => f.ProductId == productId))
        {
            return Result<ImmutableArray<Favourite>>.Ok([.. list]);
        }

        if (list.Count >= IFavouritesGrain.Capacity && !await DropUnlistedAsync())
        {
            return Result<ImmutableArray<Favourite>>.Fail(UserError.Of(
                ErrorCodes.LimitExceeded, $"A customer keeps at most {IFavouritesGrain.Capacity} favourites; remove one first.", "productId"));
        }

        await WatchAsync(productId);
        list.Insert(0, new Favourite(productId, time.GetUtcNow()));
        await favourites.WriteStateAsync();
        return Result<ImmutableArray<Favourite>>.Ok([.. list]);
    }

    public async Task<ImmutableArray<Favourite>> RemoveAsync(string productId)
    {
        if (favourites.State.RemoveAll(f => f.ProductId == productId) > 0)
        {
            await favourites.WriteStateAsync();
        }

        if (Validation.Slug(productId, "productId") is null)
        {
            await Partition(productId).RemoveAsync(CustomerId);
        }

        return [.. favourites.State];
    }

    public Task<ImmutableArray<Favourite>> GetAsync() => Task.FromResult<ImmutableArray<Favourite>>([.. favourites.State]);

    // A full list makes room by forgetting the favourites whose products the catalog no longer lists; true if it did.
    private async Task<bool> DropUnlistedAsync()
    {
        var listed = (await Catalog.GetListedProductsAsync([.. favourites.State.Select(f => f.ProductId)])).Select(p => p.Id).ToHashSet();
        var unlisted = favourites.State.Where(f => !listed.Contains(f.ProductId)).ToList();
        if (unlisted.Count == 0)
        {
            return false;
        }

        favourites.State.RemoveAll(f => !listed.Contains(f.ProductId));
        await favourites.WriteStateAsync();
        await Task.WhenAll(unlisted.Select(f => Partition(f.ProductId).RemoveAsync(CustomerId)));
        return true;
    }

    // The partition is marked in use before the customer joins it, so no fan-out misses them.
    private async Task WatchAsync(string productId)
    {
        var watchers = grains.GetGrain<IProductWatchersGrain>(productId);
        var partition = IWatcherPartitionGrain.Of(CustomerId);
        if (!await watchers.InUseAsync(partition))
        {
            await watchers.UseAsync(partition);
        }

        await Partition(productId).AddAsync(CustomerId);
    }

    private IWatcherPartitionGrain Partition(string productId) =>
        grains.GetGrain<IWatcherPartitionGrain>(IWatcherPartitionGrain.KeyOf(productId, IWatcherPartitionGrain.Of(CustomerId)));
}
