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

    /// <summary>
    /// The customer an external identity stands for: the one linked to it, or at first sight the account with the
    /// address the provider verified, or else a new customer (who has no password here). A first sight without a
    /// verified address is INVALID_CREDENTIALS: an unverified one could be anyone's.
    /// </summary>
    [Alias("SignInExternal")]
    Task<Result<CustomerProfile>> SignInExternalAsync(ExternalLogin login);

    /// <summary>
    /// Mails a one-time link to newEmail (the customer's password required). The address changes only when the link
    /// is used (<see cref="ConfirmEmailChangeAsync"/>): whoever reads that mailbox proves it is theirs.
    /// </summary>
    [Alias("RequestEmailChange")]
    Task<Result<CustomerProfile>> RequestEmailChangeAsync(Guid customerId, string password, string newEmail);

    /// <summary>Moves the customer to the address the token was mailed to; EMAIL_TAKEN when another account took it meanwhile.</summary>
    [Alias("ConfirmEmailChange")]
    Task<Result<CustomerProfile>> ConfirmEmailChangeAsync(string token);

    /// <summary>Makes sure the configured administrator exists and holds the ADMIN role.</summary>
    [RequiresPermission(Permissions.RolesGrant), Alias("EnsureAdmin")]
    Task<Result<CustomerProfile>> EnsureAdminAsync(SignUp admin);
}
