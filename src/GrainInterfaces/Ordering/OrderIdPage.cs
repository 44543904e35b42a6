using System.Collections.Immutable;

namespace EShop.Ordering;

[GenerateSerializer, Immutable, Alias("eshop.ordering.OrderIdPage")]
public sealed record OrderIdPage(
    [property: Id(0)] ImmutableArray<Guid> OrderIds,
    [property: Id(1)] int Offset,
    [property: Id(2)] int TotalCount);
