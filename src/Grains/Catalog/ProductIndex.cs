using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace EShop.Catalog;

// Every product's committed snapshot, searchable in a fraction of a millisecond at 100,000 products.
//
// - A search word matches anywhere in the name or description (ProductSearch.Points). Each run of three characters
//   (two for a two-letter word) of the upper-cased texts lists the products containing it, so a word's candidates are
//   the intersection of its runs' lists; each candidate is then checked. What a word matches, with its points, is
//   cached until a product is added or its texts change; stock and price changes, which every sale makes, keep it.
// - Filters read plain arrays (category, sale price in cents, stock), one per field. Sale prices are whole cents
//   (Validation.Money and Pricing.SalePrice see to it), so a price range is a range of cents.
// - The total is counted in one pass over the matches (every product, without words). The page is read from the
//   products kept in each sort's order (name order for relevance, score by score) while matches are dense, else
//   picked from the matches with a heap of offset + limit.
//
// Searches share a lock and change nothing but caches; a change takes it alone. Products are never removed; a slot is
// a product's place for the life of the index.
public sealed class ProductIndex
{
    private const int CachedWords = 256;

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
                query.MinPrice is { } min ? (long)Math.Ceiling(Math.Clamp(min, -1e12m, 1e12m) * 100) : long.MinValue,
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
            _cents.Add(Cents(product.SalePrice));
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
        if (_salePrices[slot] != product.SalePrice || _created[slot] != product.CreatedAt.UtcTicks)
        {
            (_salePrices[slot], _cents[slot], _created[slot]) = (product.SalePrice, Cents(product.SalePrice), product.CreatedAt.UtcTicks);
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

    // No words: every product that passes the filters, in the sort's kept order.
    private ProductPage Browse(ProductQuery query, Filter filter)
    {
        var categories = CollectionsMarshal.AsSpan(_categories);
        var cents = CollectionsMarshal.AsSpan(_cents);
        var stocks = CollectionsMarshal.AsSpan(_stocks);
        var total = 0;
        for (var slot = 0; slot < cents.Length; slot++)
        {
            if ((filter.Category == -1 || categories[slot] == filter.Category)
                && cents[slot] >= filter.MinCents
                && cents[slot] <= filter.MaxCents
                && (filter.InStock == 0 || (stocks[slot] > 0 ? 1 : 2) == filter.InStock))
            {
                total++;
            }
        }

        return new ProductPage(Walk(KeptOrder(query.Sort, CurrentOrders()), query, filter, [total], words: null), query.Offset, total);
    }

    // Words: the products every word matches, scored by the sum of the words' points. Relevance ranks by score, then
    // name: its bands, one per score, are each in name order. The page is read from the sort's kept order, band by
    // band, when that finds it sooner (about keep × products / band entries) than ranking every match does (about
    // matches), else picked from all matches with a heap.
    private ProductPage Find(ProductQuery query, Filter filter, string[] words)
    {
        var matches = words.Select(MatchesOf).ToArray();
        var fewest = matches.MinBy(m => m.Slots.Length)!;
        var orders = CurrentOrders();
        var byScore = query.Sort == ProductSort.Relevance;
        var bands = new int[byScore ? 3 * words.Length + 1 : 1];
        for (var i = 0; i < fewest.Slots.Length; i++)
        {
            if (Passes(fewest.Slots[i], filter) && Score(fewest, i, matches) is > 0 and var score)
            {
                bands[byScore ? score : 0]++;
            }
        }

        var total = bands.Sum();
        if (WalkCost(bands, query) < fewest.Slots.Length)
        {
            return new ProductPage(Walk(KeptOrder(query.Sort, orders), query, filter, bands, matches), query.Offset, total);
        }

        var keep = (int)Math.Min((long)query.Offset + query.Limit, int.MaxValue);
        var nameRank = orders.NameRank;
        Comparison<Match> order = query.Sort switch
        {
            ProductSort.Relevance => (a, b) => b.Score.CompareTo(a.Score) is var c and not 0 ? c : nameRank[a.Slot].CompareTo(nameRank[b.Slot]),
            ProductSort.Name => (a, b) => nameRank[a.Slot].CompareTo(nameRank[b.Slot]),
            ProductSort.PriceAsc => (a, b) => _salePrices[a.Slot].CompareTo(_salePrices[b.Slot]) is var c and not 0 ? c : nameRank[a.Slot].CompareTo(nameRank[b.Slot]),
            ProductSort.PriceDesc => (a, b) => _salePrices[b.Slot].CompareTo(_salePrices[a.Slot]) is var c and not 0 ? c : nameRank[a.Slot].CompareTo(nameRank[b.Slot]),
            ProductSort.Newest => (a, b) => _created[b.Slot].CompareTo(_created[a.Slot]) is var c and not 0 ? c : nameRank[a.Slot].CompareTo(nameRank[b.Slot]),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Sort, "Unknown sort."),
        };

        // The worst match kept is at the top of the heap, to be replaced by a better one.
        var best = new PriorityQueue<Match, Match>(Comparer<Match>.Create((a, b) => order(b, a)));
        for (var i = 0; i < fewest.Slots.Length; i++)
        {
            var slot = fewest.Slots[i];
            if (!Passes(slot, filter) || Score(fewest, i, matches) is not (> 0 and var score))
            {
                continue;
            }

            var match = new Match(slot, score);
            if (best.Count < keep)
            {
                best.Enqueue(match, match);
            }
            else if (keep > 0 && order(match, best.Peek()) < 0)
            {
                best.DequeueEnqueue(match, match);
            }
        }

        var sorted = best.UnorderedItems.Select(m => m.Element).ToArray();
        Array.Sort(sorted, order);
        return new ProductPage([.. sorted.Skip(query.Offset).Select(m => _products[m.Slot])], query.Offset, total);
    }

    // The page read from a kept order, band by band from the last (the highest score; a single band but for relevance):
    // the band's matches past the offset, up to the limit, stopping once all of the band's matches have gone by.
    private ImmutableArray<ProductSnapshot> Walk(int[] order, ProductQuery query, Filter filter, int[] bands, WordMatches[]? words)
    {
        var page = ImmutableArray.CreateBuilder<ProductSnapshot>(Math.Max(0, Math.Min(query.Limit, bands.Sum() - query.Offset)));
        var skip = query.Offset;
        for (var band = bands.Length - 1; band >= 0 && page.Count < query.Limit; band--)
        {
            if (skip >= bands[band])
            {
                skip -= bands[band];
                continue;
            }

            var seen = 0;
            for (var i = 0; i < order.Length && page.Count < query.Limit && seen < bands[band]; i++)
            {
                var slot = order[i];
                if (Passes(slot, filter) && BandOf(slot, words, bands.Length) == band && seen++ >= skip)
                {
                    page.Add(_products[slot]);
                }
            }

            skip = 0;
        }

        return page.ToImmutable();
    }

    // About how many entries of the kept order Walk reads: per band it reads from, what it takes there times how far
    // apart the band's matches are.
    private double WalkCost(int[] bands, ProductQuery query)
    {
        var (cost, skip, wanted) = (0d, (long)query.Offset, (long)query.Limit);
        for (var band = bands.Length - 1; band >= 0 && wanted > 0; band--)
        {
            if (skip >= bands[band])
            {
                skip -= bands[band];
                continue;
            }

            var taken = Math.Min(bands[band] - skip, wanted);
            cost += (double)(skip + taken) * _products.Count / bands[band];
            (skip, wanted) = (0, wanted - taken);
        }

        return cost;
    }

    // The band of the product in slot: its score with several bands, 0 with one; -1 when a word does not match it.
    private static int BandOf(int slot, WordMatches[]? words, int bands)
    {
        if (words is null)
        {
            return 0;
        }

        var score = 0;
        foreach (var word in words)
        {
            var at = Array.BinarySearch(word.Slots, slot);
            if (at < 0)
            {
                return -1;
            }

            score += word.Points[at];
        }

        return bands > 1 ? score : 0;
    }

    private static int[] KeptOrder(ProductSort sort, Orders orders) => sort switch
    {
        ProductSort.Relevance or ProductSort.Name => orders.ByName,
        ProductSort.PriceAsc => orders.ByPriceAsc,
        ProductSort.PriceDesc => orders.ByPriceDesc,
        ProductSort.Newest => orders.ByNewest,
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown sort."),
    };

    // The sum of every word's points for the product at position i of the word with the fewest matches, or 0 when
    // another word does not match it.
    private static int Score(WordMatches fewest, int i, WordMatches[] matches)
    {
        var (slot, score) = (fewest.Slots[i], 0);
        foreach (var word in matches)
        {
            var at = ReferenceEquals(word, fewest) ? i : Array.BinarySearch(word.Slots, slot);
            if (at < 0)
            {
                return 0;
            }

            score += word.Points[at];
        }

        return score;
    }

    private bool Passes(int slot, Filter filter) =>
        (filter.Category == -1 || _categories[slot] == filter.Category)
        && _cents[slot] >= filter.MinCents
        && _cents[slot] <= filter.MaxCents
        && (filter.InStock == 0 || (_stocks[slot] > 0 ? 1 : 2) == filter.InStock);

    private static long Cents(decimal price) => (long)(price * 100);

    // What one normalized word matches, from the cache while no text changed since.
    private WordMatches MatchesOf(string word)
    {
        if (_words.TryGetValue(word, out var cached) && cached.Texts == _texts)
        {
            return cached;
        }

        var slots = new List<int>();
        var points = new List<byte>();
        foreach (var slot in Candidates(word))
        {
            if (ProductSearch.Points(_names[slot], _descriptions[slot], word) is > 0 and var p)
            {
                slots.Add(slot);
                points.Add((byte)p);
            }
        }

        if (_words.Count >= CachedWords)
        {
            _words.Clear();
        }

        return _words[word] = new WordMatches(_texts, [.. slots], [.. points]);
    }

    // The slots, in order, of every product whose texts contain all the runs of word; every product for one letter.
    private IEnumerable<int> Candidates(string word)
    {
        var runs = Runs(word);
        if (runs.Count == 0)
        {
            return Enumerable.Range(0, _products.Count);
        }

        var lists = new List<List<int>>(runs.Count);
        foreach (var run in runs)
        {
            if (!_runs.TryGetValue(run, out var list))
            {
                return [];
            }

            lists.Add(list);
        }

        lists.Sort((a, b) => a.Count.CompareTo(b.Count));
        var candidates = lists[0].ToList();
        foreach (var list in lists.Skip(1))
        {
            candidates.RemoveAll(slot => list.BinarySearch(slot) < 0);
        }

        return candidates;
    }

    // The orders every sort ends on: name (as ProductSearch.ByName), and each sort's key before it. Rebuilt by the
    // first search after a product was added, renamed or repriced, while the searches behind it wait.
    private Orders CurrentOrders()
    {
        if (_orders is { } current && current.Texts == _texts && current.SortKeys == _sortKeys)
        {
            return current;
        }

        lock (_building)
        {
            return _orders is { } built && built.Texts == _texts && built.SortKeys == _sortKeys ? built : BuildOrders();
        }
    }

    private Orders BuildOrders()
    {
        var byName = Enumerable.Range(0, _products.Count).ToArray();
        Array.Sort(byName, (a, b) => ProductSearch.ByName.Compare(_products[a], _products[b]));
        var nameRank = new int[byName.Length];
        for (var i = 0; i < byName.Length; i++)
        {
            nameRank[byName[i]] = i;
        }

        int[] Sorted(Comparison<int> key) => [.. byName.Order(Comparer<int>.Create((a, b) => key(a, b) is var c and not 0 ? c : nameRank[a].CompareTo(nameRank[b])))];
        var orders = new Orders(
            _texts,
            _sortKeys,
            nameRank,
            byName,
            Sorted((a, b) => _salePrices[a].CompareTo(_salePrices[b])),
            Sorted((a, b) => _salePrices[b].CompareTo(_salePrices[a])),
            Sorted((a, b) => _created[b].CompareTo(_created[a])));
        _orders = orders;
        return orders;
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

    // A product's runs: every three-character run of its texts, and every two-character one, so that a two-letter
    // word has a list too.
    private static HashSet<long> Runs(string name, string description)
    {
        var runs = new HashSet<long>();
        foreach (var text in (ReadOnlySpan<string>)[name, description])
        {
            for (var i = 0; i + 1 < text.Length; i++)
            {
                runs.Add(Pair(text, i));
                if (i + 2 < text.Length)
                {
                    runs.Add(Triple(text, i));
                }
            }
        }

        return runs;
    }

    // A word's runs: its three-character runs, or its one two-character run; none for a single letter.
    private static HashSet<long> Runs(string word)
    {
        var runs = new HashSet<long>();
        if (word.Length == 2)
        {
            runs.Add(Pair(word, 0));
        }

        for (var i = 0; i + 2 < word.Length; i++)
        {
            runs.Add(Triple(word, i));
        }

        return runs;
    }

    // Bit 48 tells a pair from a triple.
    private static long Pair(string text, int at) => (1L << 48) | ((long)text[at] << 16) | text[at + 1];

    private static long Triple(string text, int at) => ((long)text[at] << 32) | ((long)text[at + 1] << 16) | text[at + 2];
}
