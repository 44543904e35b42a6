using EShop.Ordering.Events;

using System.Collections.Immutable;
using EShop.Catalog;

namespace EShop.Ordering;

/// <summary>
/// A domain event committed with the change it describes, waiting to be published; numbered in order. A change that
/// moved stock (a sale, a release) keeps the products as its transaction left them, so the catalog hears of exactly
/// those versions however late, and however often, the entry is published.
/// </summary>
[GenerateSerializer, Immutable, Alias("eshop.ordering.OutboxEntry")]
public sealed record OutboxEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] OrderingEvent Event,
    [property: Id(2)] ImmutableArray<ProductSnapshot> Products);
