using System.Collections.Immutable;

namespace EShop.Catalog;

// Every product's committed snapshot, searchable without looking at every product. A search word matches anywhere in
// the name or description, ignoring case (ProductSearch.Score), so the index is of trigrams: each run of three
// characters of the upper-cased name and description lists the products that contain it, in slot order. A product
// containing a word of three or more characters contains all of that word's trigrams, so intersecting their lists
// gives every product that can match, and only those are scored. A page is picked with a heap of offset + limit
// entries, not by sorting every match.
//
// Searches share a lock; a change takes it alone, and changes of stock or price (every sale) touch no list. Products
// are never removed; a slot is a product's place for the life of the index.
public sealed class ProductIndex
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<int>> _trigrams = [];

    // Each slot's place in name order (ProductSearch.ByName), which ends every sort; null after a product was added or
    // renamed, until the next search computes it again.
    private int[]? _nameRank;

    private readonly record struct Entry(ProductSnapshot Product, decimal SalePrice);

    private readonly record struct Match(int Slot, int Score);

    public ProductSnapshot? Get(string productId)
    {
        _lock.EnterReadLock();
        try
        {
            return _slots.TryGetValue(productId, out var slot) ? _entries[slot].Product : null;
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
        var terms = ProductQuery.Terms(query.Search);
        while (true)
        {
            _lock.EnterReadLock();
            try
            {
                if (_nameRank is { } nameRank)
                {
                    return Search(query, terms, nameRank);
                }
            }
            finally
            {
                _lock.ExitReadLock();
            }

            RankNames();
        }
    }

    private void Apply(ProductSnapshot product)
    {
        var entry = new Entry(product, product.SalePrice);
        if (!_slots.TryGetValue(product.Id, out var slot))
        {
            slot = _entries.Count;
            _entries.Add(entry);
            _slots[product.Id] = slot;
            foreach (var trigram in Trigrams(product))
            {
                ListOf(trigram).Add(slot);
            }

            _nameRank = null;
            return;
        }

        var held = _entries[slot].Product;
        if (held.Version >= product.Version)
        {
            return;
        }

        _entries[slot] = entry;
        if (held.Name == product.Name && held.Description == product.Description)
        {
            return;
        }

        var (before, after) = (Trigrams(held), Trigrams(product));
        foreach (var trigram in before.Except(after))
        {
            var list = _trigrams[trigram];
            list.RemoveAt(list.BinarySearch(slot));
        }

        foreach (var trigram in after.Except(before))
        {
            var list = ListOf(trigram);
            list.Insert(~list.BinarySearch(slot), slot);
        }

        if (held.Name != product.Name)
        {
            _nameRank = null;
        }
    }

    private void RankNames()
    {
        _lock.EnterWriteLock();
        try
        {
            if (_nameRank is not null)
            {
                return;
            }

            var order = Enumerable.Range(0, _entries.Count).ToArray();
            Array.Sort(order, (a, b) => ProductSearch.ByName.Compare(_entries[a].Product, _entries[b].Product));
            var rank = new int[order.Length];
            for (var i = 0; i < order.Length; i++)
            {
                rank[order[i]] = i;
            }

            _nameRank = rank;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    private ProductPage Search(ProductQuery query, string[] terms, int[] nameRank)
    {
        var order = Order(query.Sort, nameRank);
        var keep = (int)Math.Min((long)query.Offset + query.Limit, int.MaxValue);

        // The worst match kept is at the top of the heap, to be replaced by a better one.
        var best = new PriorityQueue<Match, Match>(Comparer<Match>.Create((a, b) => order(b, a)));
        var total = 0;
        foreach (var slot in Candidates(terms))
        {
            var (product, salePrice) = _entries[slot];
            if ((query.CategoryId is not null && product.CategoryId != query.CategoryId)
                || salePrice < query.MinPrice
                || salePrice > query.MaxPrice
                || (query.InStock is { } inStock && (product.Stock > 0) != inStock))
            {
                continue;
            }

            var score = terms.Length == 0 ? 0 : ProductSearch.Score(product, terms);
            if (terms.Length > 0 && score == 0)
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
        Array.Sort(sorted, (a, b) => order(a, b));
        return new ProductPage([.. sorted.Skip(query.Offset).Select(m => _entries[m.Slot].Product)], query.Offset, total);
    }

    private Comparison<Match> Order(ProductSort sort, int[] nameRank) => sort switch
    {
        ProductSort.Relevance => (a, b) => b.Score.CompareTo(a.Score) is var c and not 0 ? c : nameRank[a.Slot].CompareTo(nameRank[b.Slot]),
        ProductSort.Name => (a, b) => nameRank[a.Slot].CompareTo(nameRank[b.Slot]),
        ProductSort.PriceAsc => (a, b) => _entries[a.Slot].SalePrice.CompareTo(_entries[b.Slot].SalePrice) is var c and not 0 ? c : nameRank[a.Slot].CompareTo(nameRank[b.Slot]),
        ProductSort.PriceDesc => (a, b) => _entries[b.Slot].SalePrice.CompareTo(_entries[a.Slot].SalePrice) is var c and not 0 ? c : nameRank[a.Slot].CompareTo(nameRank[b.Slot]),
        ProductSort.Newest => (a, b) => _entries[b.Slot].Product.CreatedAt.CompareTo(_entries[a.Slot].Product.CreatedAt) is var c and not 0 ? c : nameRank[a.Slot].CompareTo(nameRank[b.Slot]),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, "Unknown sort."),
    };

    // The slots, in order, of every product that contains all trigrams of the search's words of three characters or
    // more; every product when there are none.
    private IEnumerable<int> Candidates(string[] terms)
    {
        var trigrams = new HashSet<long>();
        foreach (var term in terms)
        {
            AddTrigrams(trigrams, term.ToUpperInvariant());
        }

        if (trigrams.Count == 0)
        {
            return Enumerable.Range(0, _entries.Count);
        }

        var lists = new List<List<int>>(trigrams.Count);
        foreach (var trigram in trigrams)
        {
            if (!_trigrams.TryGetValue(trigram, out var list))
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
            if (candidates.Count == 0)
            {
                break;
            }
        }

        return candidates;
    }

    private List<int> ListOf(long trigram)
    {
        if (!_trigrams.TryGetValue(trigram, out var list))
        {
            _trigrams[trigram] = list = [];
        }

        return list;
    }

    private static HashSet<long> Trigrams(ProductSnapshot product)
    {
        var trigrams = new HashSet<long>();
        AddTrigrams(trigrams, product.Name.ToUpperInvariant());
        AddTrigrams(trigrams, product.Description.ToUpperInvariant());
        return trigrams;
    }

    private static void AddTrigrams(HashSet<long> trigrams, string text)
    {
        for (var i = 0; i + 2 < text.Length; i++)
        {
            trigrams.Add(((long)text[i] << 32) | ((long)text[i + 1] << 16) | text[i + 2]);
        }
    }
}
