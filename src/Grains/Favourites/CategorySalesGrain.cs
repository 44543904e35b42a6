using System.Collections.Immutable;
using EShop.Shared;

namespace EShop.Favourites;

[GrainType("eshop.favourites.category-sales")]
public sealed class CategorySalesGrain(
    [PersistentState(StateNames.CategorySales, StorageNames.Favourites)] IPersistentState<Dictionary<string, long>> unitsSold) : Grain, ICategorySalesGrain
{
    private ImmutableArray<ProductCount>? _top;

    public async Task ReportAsync(string productId, long units)
    {
        if (unitsSold.State.TryGetValue(productId, out var known) && known == units)
        {
            return;
        }

        unitsSold.State[productId] = units;
        _top = null;
        await unitsSold.WriteStateAsync();
    }

    public Task<ImmutableArray<ProductCount>> GetTopAsync() => Task.FromResult(_top ??= Ranking.Top(unitsSold.State, ICategorySalesGrain.Kept));
}
