using System.Collections.Immutable;

namespace EShop.Favourites;

/// <summary>What one placed order bought, as the recommendations keep it: the stored event their models are built from.</summary>
[GenerateSerializer, Immutable, Alias("eshop.favourites.Purchase")]
public sealed record Purchase(
    [property: Id(0)] Guid OrderId,
    [property: Id(1)] Guid CustomerId,
    [property: Id(2)] ImmutableArray<PurchasedItem> Items,
    [property: Id(3)] DateTimeOffset At);
