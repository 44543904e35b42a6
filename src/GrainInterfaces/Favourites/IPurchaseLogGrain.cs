using System.Collections.Immutable;

namespace EShop.Favourites;

/// <summary>
/// One of <see cref="Partitions"/> partitions (key: 0..Partitions-1, by order id) of the purchase log: every placed
/// order once, in the order it arrived, stored as events. The co-purchase model is projected from it and can be
/// rebuilt from it.
/// </summary>
[Alias("eshop.favourites.IPurchaseLogGrain")]
public interface IPurchaseLogGrain : IGrainWithIntegerKey
{
    const int Partitions = 16;

    /// <summary>Appends the purchase unless its order is already logged, then projects what is not projected yet.</summary>
    [Alias("Append")]
    Task AppendAsync(Purchase purchase);

    [ReadOnly, Alias("Read")]
    Task<ImmutableArray<Purchase>> ReadAsync();

    /// <summary>Projects again every purchase after <paramref name="sequence"/> (a rebuild has replaced the model up to it).</summary>
    [Alias("ProjectAfter")]
    Task ProjectAfterAsync(long sequence);

    static int Of(Guid orderId) => Shared.Partitions.Of(orderId, Partitions);
}
