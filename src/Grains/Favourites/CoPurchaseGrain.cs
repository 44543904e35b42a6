using EShop.Catalog;
using EShop.Shared;

namespace EShop.Favourites;

// A partition's purchases arrive in log order (the log projects one at a time), so a position at or below the last one
// counted from that partition has been counted.
[GrainType("eshop.favourites.co-purchases")]
public sealed class CoPurchaseGrain(
    [PersistentState(StateNames.CoPurchases, StorageNames.Favourites)] IPersistentState<CoPurchaseState> state,
    IGrainFactory grains) : Grain, ICoPurchaseGrain
{
    private CoPurchases? _ranked;

    private string ProductId => this.GetPrimaryKeyString();

    public async Task ApplyAsync(LogPosition position, Purchase purchase)
    {
        if (state.State.Positions.GetValueOrDefault(position.Partition) >= position.Sequence)
        {
            return;
        }

        state.State.Tally.Add(ProductId, purchase);
        state.State.Positions[position.Partition] = position.Sequence;
        await SaveAsync();
    }

    public async Task ReplaceAsync(long unitsSold, IReadOnlyDictionary<string, long> partners, IReadOnlyDictionary<int, long> positions)
    {
        state.State = new CoPurchaseState
        {
            Tally = new CoPurchaseTally { UnitsSold = unitsSold, Partners = new(partners, StringComparer.Ordinal) },
            Positions = new(positions),
        };
        await SaveAsync();
    }

    public Task<CoPurchases> GetAsync() => Task.FromResult(_ranked ??= state.State.Tally.ToCoPurchases());

    // The category's best sellers get the product's new total; a product the catalog no longer lists has no category.
    private async Task SaveAsync()
    {
        _ranked = null;
        await state.WriteStateAsync();
        if (await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetProductAsync(ProductId) is { } product)
        {
            await grains.GetGrain<ICategorySalesGrain>(product.CategoryId).ReportAsync(ProductId, state.State.Tally.UnitsSold);
        }
    }
}
