using System.Net.Mail;
using EShop.Shared;

namespace EShop.Customers;

public static class CustomerRules
{
    public const int MinPasswordLength = 8;

    public static IEnumerable<UserError> Validate(SignUp signUp) => Validation.Collect(
        IsEmail(signUp.Email) ? null : UserError.Of(ErrorCodes.InvalidInput, "email is not a valid e-mail address.", "input", "email"),
        signUp.Password.Length is < MinPasswordLength or > MaxPasswordLength
            ? UserError.Of(ErrorCodes.InvalidInput, $"password must be {MinPasswordLength} to {MaxPasswordLength} characters.", "input", "password")
            : null,
        Validation.Required(signUp.Name, 100, "input", "name"));

    public const int MaxPasswordLength = 256;

    public static bool IsEmail(string email) =>
        email.Length <= 254 && MailAddress.TryCreate(email.Trim(), out var parsed) && parsed.Address == email.Trim() && parsed.Host.Contains('.');
}
