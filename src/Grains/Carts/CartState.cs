namespace EShop.Carts;

[GenerateSerializer, Alias("eshop.carts.CartState")]
public sealed class CartState
{
    [Id(0)] public List<CartLine> Lines { get; set; } = [];
}
