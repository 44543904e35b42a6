namespace EShop.Catalog;

// What a search word matches, and how much: the rule the catalog view's index applies to each candidate product.
public static class ProductSearch
{
    // Search ignores case by comparing upper-cased texts (invariant culture, one character for one).
    public static string Normalize(string text) => text.ToUpperInvariant();

    // A word's points for a product, all three texts normalized: 3 at the start of the name, 2 elsewhere in the name,
    // 1 in the description, 0 when it is in neither. A product matches a search when every word has points.
    public static int Points(string name, string description, string word) =>
        name.StartsWith(word, StringComparison.Ordinal) ? 3
        : name.Contains(word, StringComparison.Ordinal) ? 2
        : description.Contains(word, StringComparison.Ordinal) ? 1
        : 0;

    // The order of a result: the sort's own key, then the name ignoring case, then the SKU, so pages never shuffle.
    public static readonly IComparer<ProductSnapshot> ByName = Comparer<ProductSnapshot>.Create((a, b) =>
        StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name) is var byName and not 0 ? byName : string.CompareOrdinal(a.Id, b.Id));
}
