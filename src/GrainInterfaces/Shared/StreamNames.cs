namespace EShop.Shared;

/// <summary>
/// The stream provider that carries domain events, and one stream namespace per context; the catalog has a second, for
/// its offers.
/// </summary>
public static class StreamNames
{
    public const string Provider = "events";
    public const string Catalog = "catalog";

    /// <summary>
    /// The catalog events that are offers (<see cref="EShop.Catalog.Events.CatalogEvent.IsOffer"/>), published here as
    /// well, keyed by SKU: a consumer that waits for them alone is not activated by every product's creation and
    /// every sale.
    /// </summary>
    public const string CatalogOffers = "catalog-offers";

    public const string Ordering = "ordering";
}
