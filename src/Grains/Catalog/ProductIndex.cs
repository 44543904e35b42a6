using System.Collections.Concurrent;

namespace EShop.Catalog;

// Every product's committed snapshot, searchable in a fraction of a millisecond at 100,000 products.
//
// - A search word matches anywhere in the name or description (ProductSearch.Points). Each run of three characters
//   (two for a two-letter word) of the upper-cased texts lists the products containing it, so a word's candidates are
//   the intersection of its runs' lists; each candidate is then checked. What a word matches, with its points, is
//   cached until a product is added or its texts change; stock and price changes, which every sale makes, keep it.
// - Filters read plain arrays (category, sale price in cents, stock), one per field. Sale prices are whole cents
//   (Validation.Money and Pricing.SalePrice see to it), so a price range is a range of cents.
// - The total is counted in one pass over the matches (without words, every product: four at a time, noting the first
//   4,096 that pass). The page is read from the products kept in each sort's order (name order for relevance, score by
//   score) while matches are dense, else picked from the matches with a heap of offset + limit.
//
// Searches share a lock and change nothing but caches; a change takes it alone. A slot is a product's place for the life
// of the index; a removed product keeps it, with a price no filter passes (Off).
public sealed partial class ProductIndex
{
    private const int CachedWords = 256;

    // The sale price, in cents, of a removed product: below every filter's floor, so no search finds it.
    private const long Off = long.MinValue;

    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly List<ProductSnapshot> _products = [];
    private readonly List<string> _names = [];
    private readonly List<string> _descriptions = [];
    private readonly List<int> _categories = [];
    private readonly List<decimal> _salePrices = [];
    private readonly List<long> _cents = [];
    private readonly List<int> _stocks = [];
    private readonly List<long> _created = [];
    private readonly Dictionary<string, int> _categoryCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<int>> _runs = [];
    private readonly ConcurrentDictionary<string, WordMatches> _words = new(StringComparer.Ordinal);

    // Bumped by every new product and every change of a name or description (texts), or of a sale price or creation
    // time (sort keys): what was derived from them is kept with the generation it was derived at.
    private int _texts;
    private int _sortKeys;
    private Orders? _orders;
    private readonly Lock _building = new();

    private sealed record WordMatches(int Texts, int[] Slots, byte[] Points);

    private sealed record Orders(int Texts, int SortKeys, int[] NameRank, int[] ByName, int[] ByPriceAsc, int[] ByPriceDesc, int[] ByNewest);

    // Category -1: any; -2: one no product has. InStock 0: any; 1: in stock; 2: out of stock.
    private readonly record struct Filter(int Category, long MinCents, long MaxCents, int InStock);

    private readonly record struct Match(int Slot, int Score);

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _products.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public ProductSnapshot? Get(string productId)
    {
        _lock.EnterReadLock();
        try
        {
            return _slots.TryGetValue(productId, out var slot) ? _products[slot] : null;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    // Keeps each product's newest version (by Version), whatever order the snapshots arrive in.
    public void Apply(IEnumerable<ProductSnapshot> products)
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var product in products)
            {
                Apply(product);
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public ProductPage Search(ProductQuery query)
    {
        var words = ProductQuery.Terms(query.Search).Select(ProductSearch.Normalize).ToArray();
        _lock.EnterReadLock();
        try
        {
            var filter = new Filter(
                query.CategoryId is null ? -1 : _categoryCodes.GetValueOrDefault(query.CategoryId, -2),
                query.MinPrice is { } min ? (long)Math.Ceiling(Math.Clamp(min, -1e12m, 1e12m) * 100) : Off + 1,
                query.MaxPrice is { } max ? (long)Math.Floor(Math.Clamp(max, -1e12m, 1e12m) * 100) : long.MaxValue,
                query.InStock switch { null => 0, true => 1, false => 2 });
            return words.Length == 0 ? Browse(query, filter) : Find(query, filter, words);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void Apply(ProductSnapshot product)
    {
        if (!_slots.TryGetValue(product.Id, out var slot))
        {
            slot = _products.Count;
            _slots[product.Id] = slot;
            _products.Add(product);
            _names.Add(ProductSearch.Normalize(product.Name));
            _descriptions.Add(ProductSearch.Normalize(product.Description));
            _categories.Add(CategoryCode(product.CategoryId));
            _salePrices.Add(product.SalePrice);
            _cents.Add(Cents(product));
            _stocks.Add(product.Stock);
            _created.Add(product.CreatedAt.UtcTicks);
            foreach (var run in Runs(_names[slot], _descriptions[slot]))
            {
                ListOf(run).Add(slot);
            }

            _texts++;
            return;
        }

        var held = _products[slot];
        if (held.Version >= product.Version)
        {
            return;
        }

        _products[slot] = product;
        _categories[slot] = CategoryCode(product.CategoryId);
        _stocks[slot] = product.Stock;
        if (_cents[slot] != Cents(product) || _created[slot] != product.CreatedAt.UtcTicks)
        {
            (_salePrices[slot], _cents[slot], _created[slot]) = (product.SalePrice, Cents(product), product.CreatedAt.UtcTicks);
            _sortKeys++;
        }

        if (held.Name == product.Name && held.Description == product.Description)
        {
            return;
        }

        var before = Runs(_names[slot], _descriptions[slot]);
        (_names[slot], _descriptions[slot]) = (ProductSearch.Normalize(product.Name), ProductSearch.Normalize(product.Description));
        var after = Runs(_names[slot], _descriptions[slot]);
        foreach (var run in before.Except(after))
        {
            var list = _runs[run];
            list.RemoveAt(list.BinarySearch(slot));
        }

        foreach (var run in after.Except(before))
        {
            var list = ListOf(run);
            list.Insert(~list.BinarySearch(slot), slot);
        }

        _texts++;
    }

    private int CategoryCode(string categoryId)
    {
        if (!_categoryCodes.TryGetValue(categoryId, out var code))
        {
            _categoryCodes[categoryId] = code = _categoryCodes.Count;
        }

        return code;
    }

    private List<int> ListOf(long run)
    {
        if (!_runs.TryGetValue(run, out var list))
        {
            _runs[run] = list = [];
        }

        return list;
    }
}
