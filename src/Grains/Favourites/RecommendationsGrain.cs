using System.Collections.Immutable;
using EShop.Catalog;
using EShop.Shared;

namespace EShop.Favourites;

// A stateless worker: every answer is read from the model's grains and the catalog, so each silo answers on its own.
[StatelessWorker, GrainType("eshop.favourites.recommendations")]
public sealed class RecommendationsGrain(IGrainFactory grains) : Grain, IRecommendationsGrain
{
    // The newest favourites and the newest products bought that a customer's recommendations start from, each.
    private const int SeedsPerSource = 20;

    private ICatalogGrain Catalog => grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key);

    public async Task<Result<ImmutableArray<ProductSnapshot>>> ForProductAsync(string productId, int first)
    {
        if (await Catalog.GetProductAsync(productId) is not { } product)
        {
            return Result<ImmutableArray<ProductSnapshot>>.Fail(UserError.Of(ErrorCodes.NotFound, $"Product '{productId}' does not exist.", "productId"));
        }

        var related = await grains.GetGrain<ICoPurchaseGrain>(productId).GetAsync();
        var picks = new Picks(first, [productId]);
        await picks.AddAsync(Catalog, related.Top.Select(c => c.ProductId));
        if (picks.Empty)
        {
            await AddBestSellersAsync(picks, [product.CategoryId]);
        }

        return Result<ImmutableArray<ProductSnapshot>>.Ok(picks.ToImmutable());
    }

    public async Task<ImmutableArray<ProductSnapshot>> ForCustomerAsync(Guid customerId, int first)
    {
        var favourites = await grains.GetGrain<IFavouritesGrain>(customerId).GetAsync();
        var purchases = await grains.GetGrain<ICustomerPurchasesGrain>(customerId).GetAsync();
        var seeds = favourites.Select(f => f.ProductId).Take(SeedsPerSource).Concat(purchases.Recent.Take(SeedsPerSource))
            .Distinct(StringComparer.Ordinal).ToList();
        var picks = new Picks(first, [.. purchases.Bought, .. seeds]);
        if (seeds.Count == 0)
        {
            return picks.ToImmutable();
        }

        // Each seed's partners, their counts summed over the seeds.
        var scores = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var related in await Task.WhenAll(seeds.Select(s => grains.GetGrain<ICoPurchaseGrain>(s).GetAsync())))
        {
            foreach (var partner in related.Top)
            {
                scores[partner.ProductId] = scores.GetValueOrDefault(partner.ProductId) + partner.Count;
            }
        }

        await picks.AddAsync(Catalog, Ranking.Top(scores, scores.Count).Select(c => c.ProductId));
        if (!picks.Empty)
        {
            return picks.ToImmutable();
        }

        var categories = (await Catalog.GetProductsAsync([.. seeds])).Select(p => p.CategoryId).Distinct().ToList();
        await AddBestSellersAsync(picks, categories);
        return picks.ToImmutable();
    }

    public async Task<int> RebuildAsync()
    {
        var logs = await Task.WhenAll(Enumerable.Range(0, IPurchaseLogGrain.Partitions)
            .Select(p => grains.GetGrain<IPurchaseLogGrain>(p).ReadAsync()));
        var positions = logs.Select((purchases, partition) => (partition, (long)purchases.Length)).ToDictionary();
        var tallies = CoPurchaseTally.Build(logs.SelectMany(l => l));
        try
        {
            await Task.WhenAll(tallies.Select(t => grains.GetGrain<ICoPurchaseGrain>(t.Key).ReplaceAsync(t.Value.UnitsSold, t.Value.Partners, positions)));
        }
        finally
        {
            // Purchases logged while the rebuild read are projected on top of it, also onto the entries it did replace
            // when others failed.
            await Task.WhenAll(positions.Select(p => grains.GetGrain<IPurchaseLogGrain>(p.Key).ProjectAfterAsync(p.Value)));
        }

        return logs.Sum(l => l.Length);
    }

    // Too little history (no product bought with these that can be sold now): the best sellers of their categories, by
    // units sold, then by SKU. A product nobody bought is no best seller.
    private async Task AddBestSellersAsync(Picks picks, IReadOnlyCollection<string> categoryIds)
    {
        var sales = await Task.WhenAll(categoryIds.Select(c => grains.GetGrain<ICategorySalesGrain>(c).GetTopAsync()));
        var units = sales.SelectMany(s => s).Where(s => s.Count > 0).GroupBy(s => s.ProductId).Select(g => KeyValuePair.Create(g.Key, g.Max(s => s.Count)));
        await picks.AddAsync(Catalog, Ranking.Top(units, ICategorySalesGrain.Kept).Select(c => c.ProductId), categoryIds);
    }
}
