using System.Collections.Immutable;

namespace EShop.Favourites;

/// <summary>
/// One product's side of the co-purchase model: the units sold, and the products bought in the same orders, ranked by
/// how many orders had both (then by id), the top <see cref="Kept"/> only.
/// </summary>
[GenerateSerializer, Immutable, Alias("eshop.favourites.CoPurchases")]
public sealed record CoPurchases(
    [property: Id(0)] long UnitsSold,
    [property: Id(1)] ImmutableArray<ProductCount> Top)
{
    public const int Kept = 50;
}
