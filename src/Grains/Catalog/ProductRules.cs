using EShop.Shared;

namespace EShop.Catalog;

// What makes product input valid; checked before a transaction starts.
public static class ProductRules
{
    public static IEnumerable<UserError> Validate(string productId, ProductDetails details) => Validation.Collect(
        Validation.Slug(productId, "input", "id"),
        Validation.Required(details.Name, 200, "input", "name"),
        Validation.Text(details.Description, 10_000, "input", "description"),
        Validation.Required(details.CategoryId, 64, "input", "categoryId"),
        Validation.Money(details.Price, "input", "price"),
        details.Stock < 0 ? UserError.Of(ErrorCodes.InvalidInput, "stock cannot be negative.", "input", "stock") : null,
        details.WeightGrams < 0 ? UserError.Of(ErrorCodes.InvalidInput, "weight cannot be negative.", "input", "weightGrams") : null);

    public static UserError? ValidateDiscount(decimal percent) =>
        percent is < 0m or >= 100m || percent != Math.Round(percent, 2)
            ? UserError.Of(ErrorCodes.InvalidInput, "percent must be at least 0 and below 100, with at most two decimals.", "percent")
            : null;

    // A discount or a price that would sell the product for nothing is a mistake, not a promotion.
    public static UserError? ValidateSalePrice(decimal price, decimal discountPercent, string field) =>
        discountPercent > 0m && Pricing.SalePrice(price, discountPercent) < 0.01m
            ? UserError.Of(ErrorCodes.InvalidInput, $"The sale price would be {Pricing.SalePrice(price, discountPercent):0.00}; it must be at least 0.01.", field)
            : null;

    public static UserError NotFound(string productId, params string[] field) =>
        UserError.Of(ErrorCodes.NotFound, $"Product '{productId}' does not exist.", field);
}
