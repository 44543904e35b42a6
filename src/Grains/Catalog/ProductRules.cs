using EShop.Shared;

namespace EShop.Catalog;

// What makes product input valid; checked before a transaction starts.
public static class ProductRules
{
    public static IEnumerable<UserError> Validate(string productId, ProductDetails details) => Validation.Collect(
        Validation.Slug(productId, "input", "id"),
        Validation.Required(details.Name, 200, "input", "name"),
        details.Description.Length > 10_000 ? UserError.Of(ErrorCodes.InvalidInput, "description must be at most 10000 characters.", "input", "description") : null,
        Validation.Required(details.CategoryId, 64, "input", "categoryId"),
        Validation.Money(details.Price, "input", "price"),
        details.Stock < 0 ? UserError.Of(ErrorCodes.InvalidInput, "stock cannot be negative.", "input", "stock") : null,
        details.WeightGrams < 0 ? UserError.Of(ErrorCodes.InvalidInput, "weight cannot be negative.", "input", "weightGrams") : null);

    public static UserError? ValidateDiscount(decimal percent) =>
        percent is < 0m or >= 100m
            ? UserError.Of(ErrorCodes.InvalidInput, "percent must be at least 0 and below 100.", "percent")
            : null;

    public static UserError NotFound(string productId, params string[] field) =>
        UserError.Of(ErrorCodes.NotFound, $"Product '{productId}' does not exist.", field);
}
