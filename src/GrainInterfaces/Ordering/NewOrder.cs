using System.Collections.Immutable;

using EShop.Catalog;

namespace EShop.Ordering;

/// <summary>What checkout hands the order grain inside its transaction.</summary>
[GenerateSerializer, Immutable, Alias("eshop.ordering.NewOrder")]
public sealed record NewOrder(
    [property: Id(0)] Guid CustomerId,
    [property: Id(1)] ImmutableArray<OrderLine> Lines,
    [property: Id(2)] decimal ShippingCost,
    [property: Id(3)] Address ShippingAddress,
    [property: Id(4)] ShippingSpeed ShippingSpeed,
    [property: Id(5)] PaymentDetails Payment,
    [property: Id(6)] ImmutableArray<ProductSnapshot> Reserved);
