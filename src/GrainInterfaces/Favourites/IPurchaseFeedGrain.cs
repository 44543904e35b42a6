namespace EShop.Favourites;

/// <summary>
/// The recommendations' consumer of one order's events (key: the order id as the ordering stream spells it). It has no
/// methods: the stream activates it.
/// </summary>
[Alias("eshop.favourites.IPurchaseFeedGrain")]
public interface IPurchaseFeedGrain : IGrainWithStringKey;
