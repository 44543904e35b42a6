using EShop.Catalog;

namespace EShop.Tests.Catalog;

// The catalog view's search (ProductIndex): the rules on a small catalog, then the same answers as a plain scan of
// every product (ScanSearch) over random catalogs, queries and changes.
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
    public void Search_SearchTerms_MatchEveryTermInNameOrDescription()
    {
        var page = Search(Query(search: "red kettle"));

        Assert.Equal(["a", "b"], page.Items.Select(p => p.Id));
        Assert.Equal(2, page.TotalCount);
    }

    [Fact]
    public void Search_Relevance_RanksNameStartOverNameOverDescription()
    {
        var page = Search(Query(search: "kettle"));

        // "Kettlebell" starts with the term (3), the two kettles contain it in the name (2) and sort by name.
        Assert.Equal(["c", "b", "a"], page.Items.Select(p => p.Id));
    }

    [Fact]
    public void Search_SearchIsCaseInsensitive()
    {
        Assert.Equal(["d"], Search(Query(search: "WOOL")).Items.Select(p => p.Id));
    }

    [Fact]
    public void Search_PriceRange_FiltersOnSalePrice()
    {
        var page = Search(Query(minPrice: 20m, maxPrice: 25m, sort: ProductSort.PriceAsc));

        // c lists at 50 but sells at 25 with its discount.
        Assert.Equal(["b", "c"], page.Items.Select(p => p.Id));
    }

    [Fact]
    public void Search_CategoryAndInStock_Filter()
    {
        Assert.Equal(["a"], Search(Query(categoryId: "kitchen", inStock: true)).Items.Select(p => p.Id));
        Assert.Equal(["b"], Search(Query(inStock: false)).Items.Select(p => p.Id));
    }

    [Theory]
    [InlineData(ProductSort.Name, "b,c,a,d")]
    [InlineData(ProductSort.PriceAsc, "d,b,c,a")]
    [InlineData(ProductSort.PriceDesc, "a,c,b,d")]
    [InlineData(ProductSort.Newest, "d,c,b,a")]
    public void Search_Sort_OrdersAsAsked(ProductSort sort, string expected)
    {
        Assert.Equal(expected, string.Join(',', Search(Query(sort: sort)).Items.Select(p => p.Id)));
    }

    [Fact]
    public void Search_OffsetAndLimit_PageTheSortedResult()
    {
        var page = Search(Query(sort: ProductSort.Name, offset: 1, limit: 2));

        Assert.Equal(["c", "a"], page.Items.Select(p => p.Id));
        Assert.Equal(4, page.TotalCount);
        Assert.Equal(1, page.Offset);
    }

    [Fact]
    public void Search_AfterRenameAndNewProducts_FindsByTheNewNameOnly()
    {
        var index = new ProductIndex();
        index.Apply(Products);
        index.Apply([Products[0] with { Name = "Green Teapot", Version = 2 }, Product("e", "Red Kettle", "New", "kitchen", 10m, 1, 0m, 0)]);

        Assert.Equal(["e", "b"], index.Search(Query(search: "red kettle")).Items.Select(p => p.Id));
        Assert.Equal(["a"], index.Search(Query(search: "teapot")).Items.Select(p => p.Id));
    }

    [Fact]
    public void Apply_OlderVersion_IsIgnored()
    {
        var index = new ProductIndex();
        index.Apply([Products[0] with { Stock = 1, Version = 3 }]);
        index.Apply([Products[0] with { Stock = 9, Version = 2 }]);

        Assert.Equal(1, index.Get("a")!.Stock);
    }

    [Fact]
    public void Search_RandomCatalogsAndQueries_AnswersAsAScanOfEveryProduct()
    {
        var random = new Random(20261130);
        string[] words = ["red", "blue", "kettle", "steel", "wool", "scarf", "lamp", "oak", "desk", "Ångström", "tea", "cup", "x"];
        for (var round = 0; round < 10; round++)
        {
            var index = new ProductIndex();
            var catalog = new Dictionary<string, ProductSnapshot>();
            for (var step = 1; step <= 400; step++)
            {
                // New products, renames, price and stock changes, in between searches (which cache what they derive).
                var id = $"p{random.Next(120):000}";
                var version = catalog.TryGetValue(id, out var held) ? held.Version + 1 : 1;
                var product = held is not null && random.Next(2) == 0
                    ? held with { Stock = random.Next(4), Price = random.Next(3) == 0 ? random.Next(100, 5000) / 100m : held.Price, Version = version }
                    : new ProductSnapshot(
                        id, "eshop", Words(random, words, 1, 3), Words(random, words, 0, 6), $"c{random.Next(3)}", 100,
                        random.Next(100, 5000) / 100m, random.Next(3) == 0 ? 15m : 0m, random.Next(4), T0.AddHours(-random.Next(10)), version);
                catalog[id] = product;
                index.Apply([product]);
                if (step % 20 != 0)
                {
                    continue;
                }

                for (var q = 0; q < 20; q++)
                {
                    var search = random.Next(4) == 0 ? null : string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
                        words[random.Next(words.Length)] is var w && random.Next(2) == 0 ? w[..Math.Min(w.Length, random.Next(1, 5))].ToLowerInvariant() : w));
                    AnswersAsAScan(index, catalog.Values, RandomQuery(random, search, maxOffset: 10, maxLimit: 12));
                }
            }
        }
    }

    // Without words, a browse counts four products at a time and picks the page from the first 4,096 that pass, or, when
    // more pass, reads it from the sort's order: a catalog large enough for both, with an odd count for the last few.
    [Fact]
    public void Browse_LargeCatalog_AnswersAsAScanOfEveryProduct()
    {
        var random = new Random(20261201);
        var catalog = Enumerable.Range(0, 9_003).Select(i => new ProductSnapshot(
            $"p{i:00000}", "eshop", $"Product {random.Next(500)}", "", $"c{random.Next(3)}", 100,
            random.Next(100, 5000) / 100m, random.Next(3) == 0 ? 15m : 0m, random.Next(3), T0.AddMinutes(-random.Next(10_000)), 1)).ToList();
        var index = new ProductIndex();
        index.Apply(catalog);
        for (var q = 0; q < 200; q++)
        {
            AnswersAsAScan(index, catalog, RandomQuery(random, search: null, maxOffset: 5_000, maxLimit: 30));
        }
    }

    // Random filters (prices from 1 to 50), sort and page.
    private static ProductQuery RandomQuery(Random random, string? search, int maxOffset, int maxLimit) => Query(
        search,
        random.Next(3) == 0 ? $"c{random.Next(4)}" : null,
        random.Next(4) == 0 ? random.Next(1_000, 25_000) / 1000m : null,
        random.Next(4) == 0 ? random.Next(25_000, 50_000) / 1000m : null,
        random.Next(3) switch { 0 => true, 1 => false, _ => null },
        (ProductSort)random.Next(5),
        random.Next(3) == 0 ? random.Next(0, maxOffset) : 0,
        random.Next(0, maxLimit));

    private static void AnswersAsAScan(ProductIndex index, IEnumerable<ProductSnapshot> catalog, ProductQuery query)
    {
        var expected = ScanSearch.Run(catalog, query);
        var actual = index.Search(query);

        Assert.Equal(expected.TotalCount, actual.TotalCount);
        Assert.Equal(expected.Items.Select(p => p.Id), actual.Items.Select(p => p.Id));
    }

    private static string Words(Random random, string[] words, int min, int max) =>
        string.Join(' ', Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => words[random.Next(words.Length)]));

    private static ProductPage Search(ProductQuery query)
    {
        var index = new ProductIndex();
        index.Apply(Products);
        return index.Search(query);
    }

    private static ProductQuery Query(
        string? search = null, string? categoryId = null, decimal? minPrice = null, decimal? maxPrice = null, bool? inStock = null,
        ProductSort sort = ProductSort.Relevance, int offset = 0, int limit = 10) =>
        new(search, categoryId, minPrice, maxPrice, inStock, sort, offset, limit);

    private static ProductSnapshot Product(string id, string name, string description, string category, decimal price, int stock, decimal discount, int ageDays) =>
        new(id, "eshop", name, description, category, 100, price, discount, stock, T0.AddDays(-ageDays), 1);
}
