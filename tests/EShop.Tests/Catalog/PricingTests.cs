using EShop.Catalog;

namespace EShop.Tests.Catalog;

public sealed class PricingTests
{
    [Theory]
    [InlineData(100, 0, 100)]
    [InlineData(100, 15, 85)]
    [InlineData(19.99, 10, 17.99)]   // 17.991 rounds down
    [InlineData(0.05, 50, 0.03)]     // 0.025 rounds half away from zero
    [InlineData(10, 33.3333, 6.67)]
    public void SalePrice_RoundsToCentsHalfAwayFromZero(decimal price, decimal percent, decimal expected)
    {
        Assert.Equal(expected, Pricing.SalePrice(price, percent));
    }
}
