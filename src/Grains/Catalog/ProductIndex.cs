using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace EShop.Catalog;

// Every product's committed snapshot, searchable in a fraction of a millisecond at 100,000 products.
//
// - A search word matches anywhere in the name or description (ProductSearch.Points). Each run of three characters
//   (two for a two-letter word) of the upper-cased texts lists the products containing it, so a word's candidates are
//   the intersection of its runs' lists; each candidate is then checked. What a word matches, with its points, is
//   cached until a product is added or its texts change; stock and price changes, which every sale makes, keep it.
// - Filters read plain arrays (category, sale price, stock), one per field.
// - Without words, every product is a match: the total is counted in one pass over those arrays, and the page read
//   from the products kept in each sort's order. With words, the page is picked with a heap of offset + limit.
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
    private readonly List<int> _stocks = [];
    private readonly Dictionary<string, int> _categoryCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<int>> _runs = [];
    private readonly ConcurrentDictionary<string, WordMatches> _words = new(StringComparer.Ordinal);

    // Bumped by every new product and every change of a name or description (texts), or of a sale price (prices):
    // what was derived from them is kept with the generation it was derived at.
    private int _texts;
    private int _prices;
    private Orders? _orders;
    private readonly Lock _building = new();

    private sealed record WordMatches(int Texts, int[] Slots, byte[] Points);

    private sealed record Orders(int Texts, int Prices, int[] NameRank, int[] ByName, int[] ByPriceAsc, int[] ByPriceDesc, int[] ByNewest);

    private readonly record struct Filter(int Category, decimal? MinPrice, decimal? MaxPrice, bool? InStock);

    private readonly record struct Match(int Slot, int Score);

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
                query.MinPrice,
                query.MaxPrice,
                query.InStock);
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
            _stocks.Add(product.Stock);
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
        if (_salePrices[slot] != product.SalePrice)
        {
            _salePrices[slot] = product.SalePrice;
            _prices++;
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
        var orders = CurrentOrders();
        var total = 0;
        for (var slot = 0; slot < _products.Count; slot++)
        {
            if (Passes(slot, filter))
            {
                total++;
            }
        }

        var order = query.Sort switch
        {
            ProductSort.Relevance or ProductSort.Name => orders.ByName,
            ProductSort.PriceAsc => orders.ByPriceAsc,
            ProductSort.PriceDesc => orders.ByPriceDesc,
            ProductSort.Newest => orders.ByNewest,
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Sort, "Unknown sort."),
        };
        var page = ImmutableArray.CreateBuilder<ProductSnapshot>(Math.Min(query.Limit, total));
        var skipped = 0;
        for (var i = 0; i < order.Length && page.Count < query.Limit; i++)
        {
            if (Passes(order[i], filter) && skipped++ >= query.Offset)
            {
                page.Add(_products[order[i]]);
            }
        }

        return new ProductPage(page.ToImmutable(), query.Offset, total);
    }

    // Words: the products every word matches, scored by the sum of the words' points, best page by heap.
    private ProductPage Find(ProductQuery query, Filter filter, string[] words)
    {
        var matches = words.Select(MatchesOf).ToArray();
        var fewest = matches.MinBy(m => m.Slots.Length)!;
        var nameRank = CurrentOrders().NameRank;
        Comparison<Match> order = query.Sort switch
        {
            ProductSort.Relevance => (a, b) => b.Score.CompareTo(a.Score) is var c and not 0 ? c : nameRank[a.Slot].CompareTo(nameRank[b.Slot]),
            ProductSort.Name => (a, b) => nameRank[a.Slot].CompareTo(nameRank[b.Slot]),
            ProductSort.PriceAsc => (a, b) => _salePrices[a.Slot].CompareTo(_salePrices[b.Slot]) is var c and not 0 ? c : nameRank[a.Slot].CompareTo(nameRank[b.Slot]),
            ProductSort.PriceDesc => (a, b) => _salePrices[b.Slot].CompareTo(_salePrices[a.Slot]) is var c and not 0 ? c : nameRank[a.Slot].CompareTo(nameRank[b.Slot]),
            ProductSort.Newest => (a, b) => _products[b.Slot].CreatedAt.CompareTo(_products[a.Slot].CreatedAt) is var c and not 0 ? c : nameRank[a.Slot].CompareTo(nameRank[b.Slot]),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Sort, "Unknown sort."),
        };

        var keep = (int)Math.Min((long)query.Offset + query.Limit, int.MaxValue);

        // The worst match kept is at the top of the heap, to be replaced by a better one.
        var best = new PriorityQueue<Match, Match>(Comparer<Match>.Create((a, b) => order(b, a)));
        var total = 0;
        for (var i = 0; i < fewest.Slots.Length; i++)
        {
            var slot = fewest.Slots[i];
            if (!Passes(slot, filter) || Score(fewest, i, matches) is not (> 0 and var score))
            {
                continue;
            }

            total++;
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
        && !(_salePrices[slot] < filter.MinPrice)
        && !(_salePrices[slot] > filter.MaxPrice)
        && (filter.InStock is not { } inStock || _stocks[slot] > 0 == inStock);

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
        if (_orders is { } current && current.Texts == _texts && current.Prices == _prices)
        {
            return current;
        }

        lock (_building)
        {
            return _orders is { } built && built.Texts == _texts && built.Prices == _prices ? built : BuildOrders();
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
            _prices,
            nameRank,
            byName,
            Sorted((a, b) => _salePrices[a].CompareTo(_salePrices[b])),
            Sorted((a, b) => _salePrices[b].CompareTo(_salePrices[a])),
            Sorted((a, b) => _products[b].CreatedAt.CompareTo(_products[a].CreatedAt)));
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
