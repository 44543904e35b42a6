namespace EShop.Favourites;

[GenerateSerializer, Alias("eshop.favourites.CoPurchaseState")]
public sealed class CoPurchaseState
{
    [Id(0)] public CoPurchaseTally Tally { get; set; } = new();

    // Purchase-log partition -> the last position counted from it.
    [Id(1)] public Dictionary<int, long> Positions { get; set; } = [];
}
