namespace EShop.Catalog;

public static class Pricing
{
    /// <summary>The price after a percentage discount, rounded to cents the way a till does (half away from zero).</summary>
    public static decimal SalePrice(decimal price, decimal discountPercent) =>
        discountPercent == 0m ? price : Math.Round(price * (100m - discountPercent) / 100m, 2, MidpointRounding.AwayFromZero);
}
