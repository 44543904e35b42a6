namespace EShop.Ordering;

/// <summary>Bound from <c>EShop:Ordering</c>.</summary>
public sealed class OrderingOptions
{
    public const string Section = "EShop:Ordering";

    /// <summary>Flat shipping charges until carriers quote real ones.</summary>
    public decimal StandardShipping { get; set; } = 4.99m;

    public decimal ExpressShipping { get; set; } = 14.99m;

    public decimal ShippingCost(ShippingSpeed speed) => speed == ShippingSpeed.Express ? ExpressShipping : StandardShipping;
}
