using EShop.Catalog;

namespace EShop.Tests.Catalog;

public sealed class ProductSearchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ProductSnapshot[] Products =
    [
        Product("a", "Red Kettle", "Boils water fast", "kitchen", 30m, 5, discount: 0m, ageDays: 3),
        Product("b", "Blue Kettle", "A red-handled kettle", "kitchen", 20m, 0, discount: 0m, ageDays: 2),
        Product("c", "Kettlebell", "For the gym", "sports", 50m, 7, discount: 50m, ageDays: 1),
        Product("d", "Red Scarf", "Wool", "clothing", 15m, 2, discount: 0m, ageDays: 0),
    ];

    [Fact]
    public void Run_SearchTerms_MatchEveryTermInNameOrDescription()
    {
        var page = ProductSearch.Run(Products, Query(search: "red kettle"));

        Assert.Equal(["a", "b"], page.Items.Select(p => p.Id));
        Assert.Equal(2, page.TotalCount);
    }

    [Fact]
    public void Run_Relevance_RanksNameStartOverNameOverDescription()
    {
        var page = ProductSearch.Run(Products, Query(search: "kettle"));

        // "Kettlebell" starts with the term (3), the two kettles contain it in the name (2) and sort by name.
        Assert.Equal(["c", "b", "a"], page.Items.Select(p => p.Id));
    }

    [Fact]
    public void Run_SearchIsCaseInsensitive()
    {
        Assert.Equal(["d"], ProductSearch.Run(Products, Query(search: "WOOL")).Items.Select(p => p.Id));
    }

    [Fact]
    public void Run_PriceRange_FiltersOnSalePrice()
    {
        var page = ProductSearch.Run(Products, Query(minPrice: 20m, maxPrice: 25m, sort: ProductSort.PriceAsc));

        // c lists at 50 but sells at 25 with its discount.
        Assert.Equal(["b", "c"], page.Items.Select(p => p.Id));
    }

    [Fact]
    public void Run_CategoryAndInStock_Filter()
    {
        Assert.Equal(["a"], ProductSearch.Run(Products, Query(categoryId: "kitchen", inStock: true)).Items.Select(p => p.Id));
        Assert.Equal(["b"], ProductSearch.Run(Products, Query(inStock: false)).Items.Select(p => p.Id));
    }

    [Theory]
    [InlineData(ProductSort.Name, "b,c,a,d")]
    [InlineData(ProductSort.PriceAsc, "d,b,c,a")]
    [InlineData(ProductSort.PriceDesc, "a,c,b,d")]
    [InlineData(ProductSort.Newest, "d,c,b,a")]
    public void Run_Sort_OrdersAsAsked(ProductSort sort, string expected)
    {
        Assert.Equal(expected, string.Join(',', ProductSearch.Run(Products, Query(sort: sort)).Items.Select(p => p.Id)));
    }

    [Fact]
    public void Run_OffsetAndLimit_PageTheSortedResult()
    {
        var page = ProductSearch.Run(Products, Query(sort: ProductSort.Name, offset: 1, limit: 2));

        Assert.Equal(["c", "a"], page.Items.Select(p => p.Id));
        Assert.Equal(4, page.TotalCount);
        Assert.Equal(1, page.Offset);
    }

    private static ProductQuery Query(
        string? search = null, string? categoryId = null, decimal? minPrice = null, decimal? maxPrice = null, bool? inStock = null,
        ProductSort sort = ProductSort.Relevance, int offset = 0, int limit = 10) =>
        new(search, categoryId, minPrice, maxPrice, inStock, sort, offset, limit);

    private static ProductSnapshot Product(string id, string name, string description, string category, decimal price, int stock, decimal discount, int ageDays) =>
        new(id, "eshop", name, description, category, 100, price, discount, stock, T0.AddDays(-ageDays), 1);
}
