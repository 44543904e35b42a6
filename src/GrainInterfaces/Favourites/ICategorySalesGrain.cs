using System.Collections.Immutable;

namespace EShop.Favourites;

/// <summary>The best sellers of one category (key: category id), by units sold, then by id.</summary>
[Alias("eshop.favourites.ICategorySalesGrain")]
public interface ICategorySalesGrain : IGrainWithStringKey
{
    const int Kept = 100;

    /// <summary>The product's units sold so far: a total, not an increment, so a repeat changes nothing.</summary>
    [Alias("Report")]
    Task ReportAsync(string productId, long unitsSold);

    [ReadOnly, Alias("Top")]
    Task<ImmutableArray<ProductCount>> GetTopAsync();
}
