namespace EShop.Ordering;

/// <summary>A line as sold: the product's name and price are copied so later catalog changes do not rewrite history.</summary>
[GenerateSerializer, Immutable, Alias("eshop.ordering.OrderLine")]
public sealed record OrderLine(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string ProductName,
    [property: Id(2)] int Quantity,
    [property: Id(3)] decimal UnitPrice)
{
    public decimal LineTotal => UnitPrice * Quantity;
}
