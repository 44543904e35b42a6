using System.Collections.Immutable;

namespace EShop.Ordering;

/// <summary>A customer's order history (key: customer Guid), newest first.</summary>
[Alias("eshop.ordering.ICustomerOrdersGrain")]
public interface ICustomerOrdersGrain : IGrainWithGuidKey
{
    [Alias("Add")]
    Task AddAsync(Guid orderId, DateTimeOffset placedAt);

    [ReadOnly, Alias("GetPage")]
    Task<OrderIdPage> GetPageAsync(int offset, int limit);
}
