namespace EShop.Catalog;

/// <summary>A catalog search: every filter is optional; <see cref="Offset"/>/<see cref="Limit"/> page the sorted result.</summary>
[GenerateSerializer, Immutable, Alias("eshop.catalog.ProductQuery")]
public sealed record ProductQuery(
    [property: Id(0)] string? Search,
    [property: Id(1)] string? CategoryId,
    [property: Id(2)] decimal? MinPrice,
    [property: Id(3)] decimal? MaxPrice,
    [property: Id(4)] bool? InStock,
    [property: Id(5)] ProductSort Sort,
    [property: Id(6)] int Offset,
    [property: Id(7)] int Limit)
{
    // Bounds on what one anonymous search may ask for: each word is matched against every candidate product.
    public const int MaxSearchLength = 200;
    public const int MaxTerms = 8;

    /// <summary>The words of a search: separated by spaces, each to be found in the name or the description.</summary>
    public static string[] Terms(string? search) =>
        (search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
