namespace EShop.Catalog;

/// <summary>
/// The product histories' consumer of one shard's catalog stream (key: the stream's key). It has no methods: the
/// stream activates it.
/// </summary>
[Alias("eshop.catalog.IProductHistoryFeedGrain")]
public interface IProductHistoryFeedGrain : IGrainWithStringKey;
