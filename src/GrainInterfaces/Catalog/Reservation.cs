namespace EShop.Catalog;

/// <summary>The answer of a product to a stock reservation; <see cref="Product"/> is its state after the attempt.</summary>
[GenerateSerializer, Immutable, Alias("eshop.catalog.Reservation")]
public sealed record Reservation(
    [property: Id(0)] ReservationOutcome Outcome,
    [property: Id(1)] ProductSnapshot? Product);
