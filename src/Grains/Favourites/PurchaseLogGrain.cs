using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using EShop.Shared;

namespace EShop.Favourites;

// The purchases are events of the event log (a row each on PostgreSQL), read once when the partition activates. Each
// purchase is projected into the co-purchase entries of its products in log order, and those skip a position they
// have counted, so projecting again is harmless: the stored progress only spares work, and is written now and then.
[GrainType("eshop.favourites.purchase-log")]
public sealed class PurchaseLogGrain(
    [FromKeyedServices(StorageNames.Favourites)] IEventLog log,
    [PersistentState(StateNames.PurchaseLog, StorageNames.Favourites)] IPersistentState<PurchaseLogProgress> progress,
    IGrainFactory grains) : Grain, IPurchaseLogGrain
{
    private const int ProgressEvery = 100;

    private List<Purchase> _purchases = [];
    private HashSet<Guid> _orders = [];

    private int Partition => (int)this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await ReloadAsync();

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await progress.WriteStateAsync();

    public async Task AppendAsync(Purchase purchase)
    {
        while (!_orders.Contains(purchase.OrderId))
        {
            if (await log.AppendAsync(this.GetGrainId(), _purchases.Count, [purchase]))
            {
                _purchases.Add(purchase);
                _orders.Add(purchase.OrderId);
                break;
            }

            // Another activation appended first (this one's silo was thought dead): read what it wrote.
            await ReloadAsync();
        }

        await ProjectAsync();
    }

    public Task<ImmutableArray<Purchase>> ReadAsync() => Task.FromResult<ImmutableArray<Purchase>>([.. _purchases]);

    public async Task ProjectAfterAsync(long sequence)
    {
        progress.State.Projected = Math.Min(progress.State.Projected, sequence);
        await ProjectAsync();
        await progress.WriteStateAsync();
    }

    private async Task ProjectAsync()
    {
        while (progress.State.Projected < _purchases.Count)
        {
            var sequence = progress.State.Projected + 1;
            var purchase = _purchases[(int)sequence - 1];
            var position = new LogPosition(Partition, sequence);
            await Task.WhenAll(purchase.Items.Select(i => grains.GetGrain<ICoPurchaseGrain>(i.ProductId).ApplyAsync(position, purchase)));
            progress.State.Projected = sequence;
            if (sequence % ProgressEvery == 0)
            {
                await progress.WriteStateAsync();
            }
        }
    }

    private async Task ReloadAsync()
    {
        _purchases = [.. await log.ReadAsync<Purchase>(this.GetGrainId())];
        _orders = [.. _purchases.Select(p => p.OrderId)];
    }
}
