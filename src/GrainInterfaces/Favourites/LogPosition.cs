namespace EShop.Favourites;

/// <summary>Where a purchase stands in the purchase log: its partition and its place there (from 1).</summary>
[GenerateSerializer, Immutable, Alias("eshop.favourites.LogPosition")]
public sealed record LogPosition(
    [property: Id(0)] int Partition,
    [property: Id(1)] long Sequence);
