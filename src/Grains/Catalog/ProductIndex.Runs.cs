namespace EShop.Catalog;

// The two- and three-character runs of texts and words, as list keys: see ProductIndex.cs.
public sealed partial class ProductIndex
{
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
