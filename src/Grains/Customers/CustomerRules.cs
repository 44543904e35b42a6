using System.Net.Mail;
using EShop.Shared;

namespace EShop.Customers;

public static class CustomerRules
{
    public const int MinPasswordLength = 8;

    public static IEnumerable<UserError> Validate(SignUp signUp) => Validation.Collect(
        IsEmail(signUp.Email) ? null : UserError.Of(ErrorCodes.InvalidInput, "email is not a valid e-mail address.", "input", "email"),
        ValidatePassword(signUp.Password, "input", "password"),
        ValidateName(signUp.Name, "input", "name"));

    public static UserError? ValidateName(string name, params string[] field) => Validation.Required(name, 100, field);

    public static UserError? ValidatePassword(string password, params string[] field) =>
        password.Length is < MinPasswordLength or > MaxPasswordLength
            ? UserError.Of(ErrorCodes.InvalidInput, $"{field[^1]} must be {MinPasswordLength} to {MaxPasswordLength} characters.", field)
            : null;

    public const int MaxPasswordLength = 256;

    public static bool IsEmail(string email) =>
        email.Length <= 254 && MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Address == email.Trim() && parsed.Host.Contains('.');
}
