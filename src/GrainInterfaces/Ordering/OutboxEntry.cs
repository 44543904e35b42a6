using EShop.Ordering.Events;

namespace EShop.Ordering;

/// <summary>A domain event committed with the change it describes, waiting to be published; numbered in order.</summary>
[GenerateSerializer, Immutable, Alias("eshop.ordering.OutboxEntry")]
public sealed record OutboxEntry([property: Id(0)] long Sequence, [property: Id(1)] OrderingEvent Event);
