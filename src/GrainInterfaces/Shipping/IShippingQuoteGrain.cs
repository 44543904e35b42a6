using System.Collections.Immutable;
using EShop.Shared;

namespace EShop.Shipping;

/// <summary>Quotes shipping from the rate tables: a stateless worker, so quotes run wherever they are asked for.</summary>
[Alias("eshop.shipping.IShippingQuoteGrain")]
public interface IShippingQuoteGrain : IGrainWithIntegerKey
{
    /// <summary>One option per speed for the lines' total weight to the country; with no lines, for a parcel of up to 0.5 kg.</summary>
    [ReadOnly, Alias("Quote")]
    Task<Result<ImmutableArray<ShippingOption>>> QuoteAsync(string country, string postalCode, ImmutableArray<QuoteLine> lines);
}
