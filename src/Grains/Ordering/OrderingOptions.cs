namespace EShop.Ordering;

// Bound from EShop:Ordering.
public sealed class OrderingOptions
{
    public const string Section = "EShop:Ordering";

    // Flat shipping charges until carriers quote real ones.
    public decimal StandardShipping { get; set; } = 4.99m;

    public decimal ExpressShipping { get; set; } = 14.99m;

    public decimal ShippingCost(ShippingSpeed speed) => speed == ShippingSpeed.Express ? ExpressShipping : StandardShipping;
}
