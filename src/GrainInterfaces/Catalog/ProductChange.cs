namespace EShop.Catalog;

/// <summary>
/// A product before and after a committed change, both read inside the transaction, so the coordinator can tell
/// which events the change makes (and a previous price is never a stale copy).
/// </summary>
[GenerateSerializer, Immutable, Alias("eshop.catalog.ProductChange")]
public sealed record ProductChange(
    [property: Id(0)] ProductSnapshot? Previous,
    [property: Id(1)] ProductSnapshot Current);
