namespace EShop.Catalog;

[GenerateSerializer, Immutable, Alias("eshop.catalog.ProductHistoryEntry")]
public sealed record ProductHistoryEntry(
    [property: Id(0)] long Version,
    [property: Id(1)] string Type,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string Detail);
