namespace EShop.Shared;

/// <summary>
/// The stream provider that carries domain events, and one stream namespace per context; the catalog has a second, for
/// its offers.
/// </summary>
public static class StreamNames
{
    public const string Provider = "events";

    /// <summary>
    /// Keyed by the product's catalog shard (<see cref="EShop.Catalog.IProductPartitionGrain.StreamKey"/>), not by SKU:
    /// each shard publishes what one commit changed in one message or a few, and a bulk import sets up 32 streams and
    /// their consumers rather than one per product. One product's events are on one stream, in the order they were
    /// published.
    /// </summary>
    public const string Catalog = "catalog";

    /// <summary>
    /// The catalog events that are offers (<see cref="EShop.Catalog.Events.CatalogEvent.IsOffer"/>), published here as
    /// well, keyed by SKU: a consumer that waits for them alone is not activated by every product's creation and
    /// every sale.
    /// </summary>
    public const string CatalogOffers = "catalog-offers";

    /// <summary>
    /// Keyed by <see cref="OrderingKey"/>, a partition of the order id, not by the order: its implicit subscribers are
    /// then a few activations that stay, where one per order was activated, subscribed to and collected again for each
    /// event. One order's events are on one stream, in the order they were published.
    /// </summary>
    public const string Ordering = "ordering";

    public const int OrderingPartitions = 32;

    public static string OrderingKey(Guid orderId) =>
        Partitions.Of(orderId, OrderingPartitions).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
