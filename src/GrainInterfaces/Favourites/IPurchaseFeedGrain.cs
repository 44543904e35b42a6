namespace EShop.Favourites;

/// <summary>
/// The recommendations' consumer of one partition of the ordering stream (key: the stream's key). It has no methods:
/// the stream activates it.
/// </summary>
[Alias("eshop.favourites.IPurchaseFeedGrain")]
public interface IPurchaseFeedGrain : IGrainWithStringKey;
