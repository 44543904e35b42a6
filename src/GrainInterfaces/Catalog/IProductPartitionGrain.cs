using System.Collections.Immutable;
using EShop.Catalog.Events;

namespace EShop.Catalog;

/// <summary>
/// One of <see cref="Count"/> shards of the catalog, by SKU: it remembers which products exist, holds their committed
/// snapshots, sends each change to every silo's catalog view and publishes it on the catalog stream. Sharded so that
/// no one activation sees every sale.
/// </summary>
[Alias("eshop.catalog.IProductPartitionGrain")]
public interface IProductPartitionGrain : IGrainWithIntegerKey
{
    const int Count = 32;

    /// <summary>The shard of a SKU: FNV-1a over its UTF-16 code units, the same in every process and every version.</summary>
    static int Of(string productId)
    {
        var hash = 2166136261u;
        foreach (var c in productId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Count);
    }

    /// <summary>
    /// The key of the catalog stream that carries a SKU's events: its shard's, as <c>shard:N</c>. No SKU has a colon,
    /// so no shard's stream is a product's stream of earlier releases, which were keyed by SKU: a silo of such a
    /// release, still in the cluster during an upgrade, never records a shard's events in a product's history.
    /// </summary>
    static string StreamKey(string productId) => "shard:" + Of(productId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Takes committed changes of this shard's products: the views get each product's newest version, and the events
    /// go out on the catalog stream. Whoever committed the change calls this once the transaction is done.
    /// </summary>
    [Alias("Commit")]
    Task CommitAsync(ImmutableArray<CatalogEvent> changes);

    /// <summary>
    /// Sends this shard's changes to <paramref name="view"/> from now on. Answers with every product of the shard
    /// when the view was not subscribed (a new silo, or one dropped for not answering), and with nothing when it was.
    /// </summary>
    [Alias("Subscribe")]
    Task<ImmutableArray<ProductSnapshot>> SubscribeAsync(ICatalogViewObserver view);

    /// <summary>Stops sending changes to <paramref name="view"/> (its silo is stopping).</summary>
    [Alias("Unsubscribe")]
    Task UnsubscribeAsync(ICatalogViewObserver view);
}
