namespace EShop.Benchmarks;

// Catalog searches as shoppers send them: products(first: 20) with a word or two of the demo catalog's vocabulary,
// sometimes a category, a price range or in-stock only, in every sort; and, the heaviest, no words at all, where
// every product of the catalog matches and is counted.
public static class SearchBenchmark
{
    private static readonly string[] Words =
        ["speaker", "classic", "tea", "running shoes", "pro", "series 12", "knife", "eco bottle", "vintage lamp", "smart", "puzzle", "olive"];

    private static readonly string[] Categories = ["electronics", "books", "home-kitchen", "garden", "shoes", "grocery"];

    private static readonly string[] Sorts = ["RELEVANCE", "NAME", "PRICE_ASC", "PRICE_DESC", "NEWEST"];

    private const string Query = """
        query($search: String, $categoryId: ID, $minPrice: Decimal, $maxPrice: Decimal, $inStock: Boolean, $sort: ProductSort) {
          products(first: 20, search: $search, categoryId: $categoryId, minPrice: $minPrice, maxPrice: $maxPrice, inStock: $inStock, sort: $sort) {
            totalCount edges { node { id name salePrice { amount } stock } } } }
        """;

    // Apart from the run, so that what the run measures (its CPU too) starts warm.
    public static Task<LoadRun> WarmUpAsync(Storefront storefront, int clients, bool withWords) =>
        LoadRun.MeasureAsync("warm-up", clients, TimeSpan.FromSeconds(3), Searches(storefront, withWords));

    public static Task<LoadRun> RunAsync(Storefront storefront, int clients, TimeSpan duration, bool withWords) =>
        LoadRun.MeasureAsync(withWords ? $"(s1) search, words, {clients} clients" : $"(s2) browse, no words, {clients} clients", clients, duration, Searches(storefront, withWords));

    private static Func<int, Task<bool>> Searches(Storefront storefront, bool withWords) => async i =>
    {
        var random = new Random(i);
        var variables = new
        {
            search = withWords ? Words[random.Next(Words.Length)] : null,
            categoryId = random.Next(3) == 0 ? Categories[random.Next(Categories.Length)] : null,
            minPrice = random.Next(4) == 0 ? (decimal?)random.Next(5, 100) : null,
            maxPrice = random.Next(4) == 0 ? (decimal?)random.Next(100, 250) : null,
            inStock = random.Next(2) == 0 ? (bool?)true : null,
            sort = Sorts[random.Next(Sorts.Length)],
        };
        await storefront.PostAsync(Query, variables);
        return true;
    };
}
