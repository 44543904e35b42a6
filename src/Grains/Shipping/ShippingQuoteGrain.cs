using System.Collections.Immutable;
using EShop.Catalog;
using EShop.Shared;

namespace EShop.Shipping;

[StatelessWorker, GrainType("eshop.shipping.quote")]
public sealed class ShippingQuoteGrain(CatalogView catalog) : Grain, IShippingQuoteGrain
{
    private const int MaxLines = 100;

    public async Task<Result<ImmutableArray<ShippingOption>>> QuoteAsync(string country, string postalCode, ImmutableArray<QuoteLine> lines)
    {
        var errors = Validation.Collect(
            ShippingRates.ValidateCountry(country, "input", "country"),
            Validation.PostalCode(postalCode, "input", "postalCode"),
            lines.Length > MaxLines ? UserError.Of(ErrorCodes.InvalidInput, $"A quote takes at most {MaxLines} lines.", "input", "lines") : null,
            lines.Any(l => l.Quantity is < 1 or > 999) ? UserError.Of(ErrorCodes.InvalidInput, "Every quantity must be between 1 and 999.", "input", "lines") : null).ToList();
        if (errors.Count > 0)
        {
            return Result<ImmutableArray<ShippingOption>>.Fail(errors);
        }

        await catalog.Loaded;
        var products = lines.Select(l => l.ProductId).Distinct().Select(catalog.Get).OfType<ProductSnapshot>().ToDictionary(p => p.Id);
        if (lines.FirstOrDefault(l => !products.ContainsKey(l.ProductId)) is { } unknown)
        {
            return Result<ImmutableArray<ShippingOption>>.Fail(UserError.Of(ErrorCodes.NotFound, $"Product '{unknown.ProductId}' does not exist.", "input", "lines"));
        }

        var weight = lines.Sum(l => products[l.ProductId].WeightGrams * l.Quantity);
        return Result<ImmutableArray<ShippingOption>>.Ok([.. ShippingRates.QuoteAll(country, weight)]);
    }
}
