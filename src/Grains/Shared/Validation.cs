using System.Text.RegularExpressions;

namespace EShop.Shared;

// Small checks shared by the contexts' rules; each returns a user error naming the input field, or null.
public static partial class Validation
{
    // A one-line text (a name, an address line, a key): present, bounded, and free of control characters, which
    // have no business in it and can rewrite what a terminal, a log line or a label printer shows.
    public static UserError? Required(string? value, int maxLength, params string[] field) =>
        string.IsNullOrWhiteSpace(value) ? UserError.Of(ErrorCodes.InvalidInput, $"{field[^1]} is required.", field)
        : Optional(value, maxLength, field);

    public static UserError? Optional(string? value, int maxLength, params string[] field) =>
        value is null ? null
        : value.Length > maxLength ? UserError.Of(ErrorCodes.InvalidInput, $"{field[^1]} must be at most {maxLength} characters.", field)
        : value.Any(char.IsControl) ? UserError.Of(ErrorCodes.InvalidInput, $"{field[^1]} must not contain control characters.", field)
        : null;

    // Text of several lines (a description): line breaks and tabs are its own; other control characters are not.
    public static UserError? Text(string value, int maxLength, params string[] field) =>
        value.Length > maxLength ? UserError.Of(ErrorCodes.InvalidInput, $"{field[^1]} must be at most {maxLength} characters.", field)
        : value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? UserError.Of(ErrorCodes.InvalidInput, $"{field[^1]} must not contain control characters other than line breaks and tabs.", field)
        : null;

    public static UserError? Slug(string? value, params string[] field) =>
        value is not null && SlugPattern().IsMatch(value) ? null
        : UserError.Of(ErrorCodes.InvalidInput, $"{field[^1]} must be 1-64 characters of letters, digits, '.', '_' or '-'.", field);

    public static UserError? Money(decimal value, params string[] field) =>
        value < 0m ? UserError.Of(ErrorCodes.InvalidInput, $"{field[^1]} cannot be negative.", field)
        : value != Math.Round(value, 2) ? UserError.Of(ErrorCodes.InvalidInput, $"{field[^1]} has more than two decimals.", field)
        : value > 1_000_000m ? UserError.Of(ErrorCodes.InvalidInput, $"{field[^1]} is over 1,000,000.", field)
        : null;

    // A postal code: 1 to 12 letters and digits, spaces and hyphens between (markup and punctuation are no part of one).
    public static UserError? PostalCode(string? value, params string[] field) =>
        Required(value, 20, field) ?? (PostalCodePattern().IsMatch(value!.Trim()) ? null
            : UserError.Of(ErrorCodes.InvalidInput, $"{field[^1]} must be 1 to 12 letters and digits (spaces and hyphens between).", field));

    public static IEnumerable<UserError> Collect(params UserError?[] errors) => errors.OfType<UserError>();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9 -]{0,10}[A-Za-z0-9])?$")]
    private static partial Regex PostalCodePattern();
}
