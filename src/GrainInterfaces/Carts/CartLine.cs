namespace EShop.Carts;

/// <summary><see cref="UnitPrice"/> is the sale price the customer saw when adding the line.</summary>
[GenerateSerializer, Immutable, Alias("eshop.carts.CartLine")]
public sealed record CartLine(
    [property: Id(0)] string ProductId,
    [property: Id(1)] int Quantity,
    [property: Id(2)] decimal UnitPrice)
{
    public decimal LineTotal => UnitPrice * Quantity;
}
