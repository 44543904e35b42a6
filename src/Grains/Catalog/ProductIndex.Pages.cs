using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace EShop.Catalog;

// Counting the matches and picking the page: see ProductIndex.cs.
public sealed partial class ProductIndex
{
    // Per search with words, a mark per slot: its band + 1 where a match passes the filters, 0 elsewhere. Arrays come
    // back with only the marked slots cleared, so renting one costs nothing like clearing it.
    private static readonly ArrayPool<ushort> Marks = ArrayPool<ushort>.Create();

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

        return new ProductPage(Walk(KeptOrder(query.Sort, CurrentOrders()), query, [total], slot => Passes(slot, filter) ? 0 : -1), query.Offset, total);
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
        var marks = Marks.Rent(_products.Count);
        try
        {
            for (var i = 0; i < fewest.Slots.Length; i++)
            {
                if (Passes(fewest.Slots[i], filter) && Score(fewest, i, matches) is > 0 and var score)
                {
                    var band = byScore ? score : 0;
                    bands[band]++;
                    marks[fewest.Slots[i]] = (ushort)(band + 1);
                }
            }

            var total = bands.Sum();
            if (WalkCost(bands, query) < fewest.Slots.Length)
            {
                return new ProductPage(Walk(KeptOrder(query.Sort, orders), query, bands, slot => marks[slot] - 1), query.Offset, total);
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

            // The worst match kept is at the top of the heap, to be replaced by a better one. A match's band is its score
            // under relevance, the only sort that reads the score.
            var best = new PriorityQueue<Match, Match>(Comparer<Match>.Create((a, b) => order(b, a)));
            foreach (var slot in fewest.Slots)
            {
                if (marks[slot] == 0)
                {
                    continue;
                }

                var match = new Match(slot, marks[slot] - 1);
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
        finally
        {
            foreach (var slot in fewest.Slots)
            {
                marks[slot] = 0;
            }

            Marks.Return(marks);
        }
    }

    // The page read from a kept order, band by band from the last (the highest score; a single band but for relevance):
    // the band's matches past the offset, up to the limit, stopping once all of the band's matches have gone by.
    // bandOf answers a slot's band, or -1 when the product is not a match.
    private ImmutableArray<ProductSnapshot> Walk(int[] order, ProductQuery query, int[] bands, Func<int, int> bandOf)
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
                if (bandOf(slot) == band && seen++ >= skip)
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

    private static long Cents(ProductSnapshot product) => product.Removed ? Off : (long)(product.SalePrice * 100);
}
