namespace EShop.Favourites;

[GenerateSerializer, Alias("eshop.favourites.CustomerPurchasesState")]
public sealed class CustomerPurchasesState
{
    public const int OrdersKept = 100;
    public const int RecentKept = 20;

    // The customer's newest orders, by id: a repeated event finds its order here.
    [Id(0)] public List<Guid> Orders { get; set; } = [];

    [Id(1)] public HashSet<string> Bought { get; set; } = new(StringComparer.Ordinal);

    // Newest first, each product once.
    [Id(2)] public List<string> Recent { get; set; } = [];
}
