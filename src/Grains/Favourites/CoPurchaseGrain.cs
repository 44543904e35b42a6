using EShop.Catalog;
using EShop.Shared;

namespace EShop.Favourites;

// A partition's purchases arrive in log order (the log projects one at a time), so a position at or below the last one
// counted from that partition has been counted. The category's best sellers hear of the product's units sold at most
// every ReportEvery: a best seller sells many times a second, and its rank may lag that long.
[GrainType("eshop.favourites.co-purchases")]
public sealed class CoPurchaseGrain(
    [PersistentState(StateNames.CoPurchases, StorageNames.Favourites)] IPersistentState<CoPurchaseState> state,
    IGrainFactory grains) : Grain, ICoPurchaseGrain
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(2);

    private CoPurchases? _ranked;
    private IGrainTimer? _report;

    private string ProductId => this.GetPrimaryKeyString();

    // A report still due when the last activation ended (a silo stopped or died within ReportEvery of a sale) is made
    // by the next one; the category ignores a total it already has.
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Tally.UnitsSold > 0)
        {
            ScheduleReport();
        }

        return Task.CompletedTask;
    }

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

    private async Task SaveAsync()
    {
        _ranked = null;
        await state.WriteStateAsync();
        ScheduleReport();
    }

    private void ScheduleReport() => _report ??= this.RegisterGrainTimer(ReportAsync, ReportEvery, ReportEvery);

    // The category's best sellers get the product's total; a product the catalog no longer lists has no category.
    // A report that fails is tried again a period later.
    private async Task ReportAsync(CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetProductAsync(ProductId) is { } product)
        {
            await grains.GetGrain<ICategorySalesGrain>(product.CategoryId).ReportAsync(ProductId, state.State.Tally.UnitsSold);
        }

        _report?.Dispose();
        _report = null;
    }
}
