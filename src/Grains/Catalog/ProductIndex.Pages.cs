using System.Buffers;
using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace EShop.Catalog;

// Counting the matches and picking the page: see ProductIndex.cs.
public sealed partial class ProductIndex
{
    // Per search with words, a mark per slot: its band + 1 where a match passes the filters, 0 elsewhere. Arrays come
    // back with only the marked slots cleared, so renting one costs nothing like clearing it.
    private static readonly ArrayPool<ushort> Marks = ArrayPool<ushort>.Create();

    // Per browse, the first products that pass the filters: when they are all of them, the page is picked from these.
    private const int MaxNoted = 4096;

    private static readonly ArrayPool<int> Noted = ArrayPool<int>.Create();

    // No words: every product that passes the filters. They are counted in one pass over the filters' arrays, noting the
    // first of them; the page is then picked from those noted (when they are all of them, and picking costs less than
    // walking) or read from the sort's kept order.
    private ProductPage Browse(ProductQuery query, Filter filter)
    {
        var noted = Noted.Rent(MaxNoted);
        try
        {
            var (total, count) = CountPassing(filter, noted);
            var bands = new[] { total };
            var page = count == total && WalkCost(bands, query) >= total
                ? Pick(noted.AsSpan(0, count), _ => 0, query, CurrentOrders())
                : Walk(KeptOrder(query.Sort, CurrentOrders()), query, bands, slot => Passes(slot, filter) ? 0 : -1);
            return new ProductPage(page, query.Offset, total);
        }
        finally
        {
            Noted.Return(noted);
        }
    }

    // How many products pass the filter, and the first of them (as many as noted holds), in slot order. Four slots at a
    // time: a browse of 100,000 products spent most of its time here, testing one slot at a time.
    private (int Total, int Noted) CountPassing(Filter filter, int[] noted)
    {
        var categories = CollectionsMarshal.AsSpan(_categories);
        var cents = CollectionsMarshal.AsSpan(_cents);
        var stocks = CollectionsMarshal.AsSpan(_stocks);
        var (category, anyCategory) = (Vector128.Create(filter.Category), filter.Category == -1 ? Vector128<int>.AllBitsSet : Vector128<int>.Zero);
        var (min, max) = (Vector128.Create(filter.MinCents), Vector128.Create(filter.MaxCents));
        var anyStock = filter.InStock == 0 ? Vector128<int>.AllBitsSet : Vector128<int>.Zero;
        var inStockWanted = filter.InStock == 1 ? Vector128<int>.AllBitsSet : Vector128<int>.Zero;
        var (total, count, slot) = (0, 0, 0);
        for (; slot + 4 <= cents.Length; slot += 4)
        {
            var (low, high) = (Vector128.Create(cents.Slice(slot, 2)), Vector128.Create(cents.Slice(slot + 2, 2)));
            var inStock = Vector128.GreaterThan(Vector128.Create(stocks.Slice(slot, 4)), Vector128<int>.Zero);
            var passes = (Vector128.Equals(Vector128.Create(categories.Slice(slot, 4)), category) | anyCategory)
                & Vector128.Narrow(
                    Vector128.GreaterThanOrEqual(low, min) & Vector128.LessThanOrEqual(low, max),
                    Vector128.GreaterThanOrEqual(high, min) & Vector128.LessThanOrEqual(high, max)).AsInt32()
                & (anyStock | ~(inStock ^ inStockWanted));
            var bits = passes.ExtractMostSignificantBits();
            total += BitOperations.PopCount(bits);
            for (; bits != 0 && count < noted.Length; bits &= bits - 1)
            {
                noted[count++] = slot + BitOperations.TrailingZeroCount(bits);
            }
        }

        for (; slot < cents.Length; slot++)
        {
            if (Passes(slot, filter))
            {
                total++;
                if (count < noted.Length)
                {
                    noted[count++] = slot;
                }
            }
        }

        return (total, count);
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

            return new ProductPage(Pick(fewest.Slots, slot => marks[slot] - 1, query, orders), query.Offset, total);
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

    // The page picked from candidate slots with a heap of offset + limit. bandOf answers a slot's band (its score under
    // relevance, the only sort that reads it), or -1 when the product is not a match.
    private ImmutableArray<ProductSnapshot> Pick(ReadOnlySpan<int> slots, Func<int, int> bandOf, ProductQuery query, Orders orders)
    {
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
        foreach (var slot in slots)
        {
            if (bandOf(slot) is not (>= 0 and var band))
            {
                continue;
            }

            var match = new Match(slot, band);
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
        return [.. sorted.Skip(query.Offset).Select(m => _products[m.Slot])];
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Passes(int slot, Filter filter) =>
        (filter.Category == -1 || _categories[slot] == filter.Category)
        && _cents[slot] >= filter.MinCents
        && _cents[slot] <= filter.MaxCents
        && (filter.InStock == 0 || (_stocks[slot] > 0 ? 1 : 2) == filter.InStock);

    private static long Cents(ProductSnapshot product) => product.Removed ? Off : (long)(product.SalePrice * 100);
}
