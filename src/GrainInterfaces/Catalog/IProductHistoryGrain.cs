using System.Collections.Immutable;

namespace EShop.Catalog;

/// <summary>The recent domain events of one product (key: SKU), recorded from the catalog event stream.</summary>
[Alias("eshop.catalog.IProductHistoryGrain")]
public interface IProductHistoryGrain : IGrainWithStringKey
{
    [ReadOnly, Alias("Get")]
    Task<ImmutableArray<ProductHistoryEntry>> GetAsync();
}
