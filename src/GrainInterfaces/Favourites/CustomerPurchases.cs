using System.Collections.Immutable;

namespace EShop.Favourites;

/// <param name="Bought">Every product the customer has bought.</param>
/// <param name="Recent">The products of their most recent orders, newest first.</param>
[GenerateSerializer, Immutable, Alias("eshop.favourites.CustomerPurchases")]
public sealed record CustomerPurchases(
    [property: Id(0)] ImmutableHashSet<string> Bought,
    [property: Id(1)] ImmutableArray<string> Recent);
