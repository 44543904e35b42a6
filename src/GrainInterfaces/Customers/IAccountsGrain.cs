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

    /// <summary>Makes sure the configured administrator exists and holds the ADMIN role.</summary>
    [Alias("EnsureAdmin")]
    Task<Result<CustomerProfile>> EnsureAdminAsync(SignUp admin);
}
