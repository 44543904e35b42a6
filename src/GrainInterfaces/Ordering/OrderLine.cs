namespace EShop.Ordering;

/// <summary>
/// A line as sold: the product's name and price are copied so later catalog changes do not rewrite history; its
/// weight too, for the carrier's label.
/// </summary>
[GenerateSerializer, Immutable, Alias("eshop.ordering.OrderLine")]
public sealed record OrderLine(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string ProductName,
    [property: Id(2)] int Quantity,
    [property: Id(3)] decimal UnitPrice,
    [property: Id(4)] int WeightGrams = 0)
{
    public decimal LineTotal => UnitPrice * Quantity;
}
