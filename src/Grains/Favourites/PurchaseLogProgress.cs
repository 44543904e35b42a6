namespace EShop.Favourites;

[GenerateSerializer, Alias("eshop.favourites.PurchaseLogProgress")]
public sealed class PurchaseLogProgress
{
    // The log position up to which every purchase has been projected; at most the log's length.
    [Id(0)] public long Projected { get; set; }
}
