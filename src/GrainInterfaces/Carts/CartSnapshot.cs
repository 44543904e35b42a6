using System.Collections.Immutable;

namespace EShop.Carts;

[GenerateSerializer, Immutable, Alias("eshop.carts.CartSnapshot")]
public sealed record CartSnapshot([property: Id(0)] ImmutableArray<CartLine> Lines)
{
    public int ItemCount => Lines.Sum(l => l.Quantity);

    public decimal Subtotal => Lines.Sum(l => l.LineTotal);
}
