using System.Collections.Immutable;
using EShop.Shared;

namespace EShop.Favourites;

/// <summary>
/// A customer's favourite products (key: customer Guid), newest first. Every favourite is watched: its price drops and
/// returns to stock reach the customer's <see cref="INotificationInboxGrain"/>. Adding and removing are idempotent.
/// </summary>
[Alias("eshop.favourites.IFavouritesGrain")]
public interface IFavouritesGrain : IGrainWithGuidKey
{
    const int Capacity = 500;

    /// <summary>NOT_FOUND for a product the catalog does not list; LIMIT_EXCEEDED for the 501st.</summary>
    [Alias("Add")]
    Task<Result<ImmutableArray<Favourite>>> AddAsync(string productId);

    [Alias("Remove")]
    Task<ImmutableArray<Favourite>> RemoveAsync(string productId);

    [ReadOnly, Alias("Get")]
    Task<ImmutableArray<Favourite>> GetAsync();
}
