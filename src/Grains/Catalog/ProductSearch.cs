namespace EShop.Catalog;

// What a search word matches, and how much: the rule the catalog view's index applies to each candidate product.
public static class ProductSearch
{
    // 0 unless every term is in the name or description, ignoring case; a term at the start of the name counts most.
    public static int Score(ProductSnapshot product, string[] terms)
    {
        var score = 0;
        foreach (var term in terms)
        {
            var points =
                product.Name.StartsWith(term, StringComparison.OrdinalIgnoreCase) ? 3
                : product.Name.Contains(term, StringComparison.OrdinalIgnoreCase) ? 2
                : product.Description.Contains(term, StringComparison.OrdinalIgnoreCase) ? 1
                : 0;
            if (points == 0)
            {
                return 0;
            }

            score += points;
        }

        return score;
    }

    // The order of a result: the sort's own key, then the name ignoring case, then the SKU, so pages never shuffle.
    public static readonly IComparer<ProductSnapshot> ByName = Comparer<ProductSnapshot>.Create((a, b) =>
        StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name) is var byName and not 0 ? byName : string.CompareOrdinal(a.Id, b.Id));
}
