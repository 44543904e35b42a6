namespace EShop.Favourites;

// One product's counts in the co-purchase model, and the one rule that adds a purchase to them: the live projection and
// the rebuild both count through Add, so they cannot disagree.
[GenerateSerializer, Alias("eshop.favourites.CoPurchaseTally")]
public sealed class CoPurchaseTally
{
    [Id(0)] public long UnitsSold { get; set; }

    // Partner SKU -> how many orders had both products.
    [Id(1)] public Dictionary<string, long> Partners { get; set; } = new(StringComparer.Ordinal);

    public void Add(string productId, Purchase purchase)
    {
        UnitsSold += purchase.Items.Where(i => i.ProductId == productId).Sum(i => (long)i.Quantity);
        foreach (var partner in purchase.Items.Select(i => i.ProductId).Where(id => id != productId).Distinct())
        {
            Partners[partner] = Partners.GetValueOrDefault(partner) + 1;
        }
    }

    public CoPurchases ToCoPurchases() => new(UnitsSold, Ranking.Top(Partners, CoPurchases.Kept));

    // The model rebuilt from purchases: one tally per product bought.
    public static Dictionary<string, CoPurchaseTally> Build(IEnumerable<Purchase> purchases)
    {
        var tallies = new Dictionary<string, CoPurchaseTally>(StringComparer.Ordinal);
        foreach (var purchase in purchases)
        {
            foreach (var productId in purchase.Items.Select(i => i.ProductId).Distinct())
            {
                if (!tallies.TryGetValue(productId, out var tally))
                {
                    tallies[productId] = tally = new CoPurchaseTally();
                }

                tally.Add(productId, purchase);
            }
        }

        return tallies;
    }
}
