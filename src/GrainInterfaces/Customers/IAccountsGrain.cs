using EShop.Shared;

namespace EShop.Customers;

/// <summary>Sign-up and sign-in: hashes and verifies passwords outside transactions, claims e-mails and creates customers in one.</summary>
[Alias("eshop.customers.IAccountsGrain")]
public interface IAccountsGrain : IGrainWithIntegerKey
{
    [Alias("SignUp")]
    Task<Result<CustomerProfile>> SignUpAsync(SignUp signUp);

    [Alias("SignIn")]
    Task<Result<CustomerProfile>> SignInAsync(string email, string password);

    /// <summary>
    /// Replaces a customer's password when the current one is given (failures count towards the address's lockout)
    /// and ends every session of the customer: whoever knew the old password is signed out.
    /// </summary>
    [Alias("ChangePassword")]
    Task<Result<CustomerProfile>> ChangePasswordAsync(Guid customerId, string currentPassword, string newPassword);

    /// <summary>Makes sure the configured administrator exists and holds the ADMIN role.</summary>
    [Alias("EnsureAdmin")]
    Task<Result<CustomerProfile>> EnsureAdminAsync(SignUp admin);
}
