namespace EShop.Catalog;

// What a word matches, and the orders every sort reads: see ProductIndex.cs.
public sealed partial class ProductIndex
{
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
}
