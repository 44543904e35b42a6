using EShop.Shared;

namespace EShop.Ordering;

/// <summary>An order (key: Guid) with transactional state; created by checkout, changed by the order process.</summary>
[Alias("eshop.ordering.IOrderGrain")]
public interface IOrderGrain : IGrainWithGuidKey
{
    [Transaction(TransactionOption.CreateOrJoin), ReadOnly, Alias("Get")]
    Task<OrderSnapshot?> GetAsync();

    /// <summary>Creates the order; when it already exists nothing changes and the existing order is returned.</summary>
    [Transaction(TransactionOption.Join), Alias("Place")]
    Task<OrderSnapshot> PlaceAsync(NewOrder order);

    [Transaction(TransactionOption.Join), Alias("Cancel")]
    Task<Result<OrderSnapshot>> CancelAsync(string reason);
}
