using System.Collections.Immutable;
using EShop.Shared;

namespace EShop.Carts;

/// <summary>A customer's cart (key: customer Guid) with transactional state, so checkout can read and clear it atomically.</summary>
[Alias("eshop.carts.ICartGrain")]
public interface ICartGrain : IGrainWithGuidKey
{
    [Transaction(TransactionOption.CreateOrJoin), ReadOnly, Alias("Get")]
    Task<CartSnapshot> GetAsync();

    /// <summary>
    /// The lines as this cart last read or wrote them, committed or not, outside any transaction; null when it has
    /// not yet. A guess, for checkout to plan its transaction by: checkout compares it with the cart inside that
    /// transaction. It costs no transaction; a committed read (<see cref="GetAsync"/>) costs a storage write, as every
    /// participant of a read-only Orleans transaction stores the time it read at.
    /// </summary>
    [Transaction(TransactionOption.Suppress), ReadOnly, Alias("Peek")]
    Task<CartSnapshot?> PeekAsync();

    /// <summary>Adds units at the product's current sale price: a line already there grows and moves to that price, the one the customer just saw.</summary>
    [Transaction(TransactionOption.CreateOrJoin), Alias("Add")]
    Task<Result<CartSnapshot>> AddAsync(string productId, int quantity);

    /// <summary>Sets a line's quantity; 0 removes it.</summary>
    [Transaction(TransactionOption.CreateOrJoin), Alias("SetQuantity")]
    Task<Result<CartSnapshot>> SetQuantityAsync(string productId, int quantity);

    [Transaction(TransactionOption.CreateOrJoin), Alias("Clear")]
    Task<CartSnapshot> ClearAsync();

    /// <summary>Empties the cart if it holds exactly these lines (checkout's); false, changing nothing, if it does not.</summary>
    [Transaction(TransactionOption.Join), Alias("ClearIfUnchanged")]
    Task<bool> ClearIfUnchangedAsync(ImmutableArray<CartLine> expected);

    /// <summary>
    /// Puts an order's lines back (a declined or unpaid order), at the prices the order was placed at, so the customer can
    /// check out again; a line already in the cart grows.
    /// </summary>
    [Transaction(TransactionOption.Join), Alias("Restore")]
    Task<CartSnapshot> RestoreAsync(ImmutableArray<CartLine> lines);

    /// <summary>Moves lines to the prices a failed checkout found, so the customer sees what they would now pay.</summary>
    [Transaction(TransactionOption.CreateOrJoin), Alias("Reprice")]
    Task<CartSnapshot> RepriceAsync(ImmutableDictionary<string, decimal> unitPrices);
}
