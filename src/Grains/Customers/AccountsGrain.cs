using EShop.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EShop.Customers;

// A stateless worker, so password hashing on sign-up (deliberately slow) spreads over every silo's cores. A password
// is checked by its customer's grain, the one place its hash is read.
[StatelessWorker, GrainType("eshop.customers.accounts")]
public sealed partial class AccountsGrain(
    ITransactionClient transactions, IGrainFactory grains, IMailer mailer, IOptions<MailOptions> mail, ILogger<AccountsGrain> logger) : Grain, IAccountsGrain
{
    public Task<Result<CustomerProfile>> SignUpAsync(SignUp signUp) => RegisterAsync(signUp, [Role.Customer]);

    public async Task<Result<CustomerProfile>> SignInAsync(string email, string password)
    {
        // What cannot be an account's address or password is refused before any grain is asked about it.
        if (!CustomerRules.IsEmail(email) || password.Length > CustomerRules.MaxPasswordLength)
        {
            return WrongCredentials();
        }

        var attempts = grains.GetGrain<ISignInAttemptsGrain>(EmailAddress.IndexKey(email));
        if (await attempts.GetLockedUntilAsync() is { } lockedUntil)
        {
            return LockedOut(lockedUntil);
        }

        var owner = await EmailIndex(email).GetOwnerAsync();
        var customer = owner is { } id ? grains.GetGrain<ICustomerGrain>(id) : null;

        // No account: the same slow check against a decoy, so the answer's timing does not tell.
        if (!(customer is null ? PasswordHasher.Verify(password, null) : await customer.VerifyPasswordAsync(password)))
        {
            await attempts.FailedAsync();
            return WrongCredentials();
        }

        await attempts.SucceededAsync();
        return Result<CustomerProfile>.Ok((await customer!.GetAsync())!);
    }

    public async Task<Result<CustomerProfile>> ChangePasswordAsync(Guid customerId, string currentPassword, string newPassword)
    {
        var (customer, checkedPassword) = await CheckPasswordAsync(customerId, currentPassword, "currentPassword");
        if (!checkedPassword.Succeeded)
        {
            return checkedPassword;
        }

        if (CustomerRules.ValidatePassword(newPassword, "newPassword") is { } invalid)
        {
            return Result<CustomerProfile>.Fail(invalid);
        }

        var profile = checkedPassword.Value!;
        await customer.SetPasswordHashAsync(PasswordHasher.Hash(newPassword));
        await grains.GetGrain<ICustomerSessionsGrain>(customerId).EndAllAsync();
        LogPasswordChanged(logger, customerId);
        return Result<CustomerProfile>.Ok(profile);
    }

    public async Task<Result<CustomerProfile>> RequestEmailChangeAsync(Guid customerId, string password, string newEmail)
    {
        var (_, checkedPassword) = await CheckPasswordAsync(customerId, password, "password");
        if (!checkedPassword.Succeeded)
        {
            return checkedPassword;
        }

        if (!CustomerRules.IsEmail(newEmail) || EmailAddress.Normalize(newEmail) == checkedPassword.Value!.Email)
        {
            return Result<CustomerProfile>.Fail(UserError.Of(ErrorCodes.InvalidInput, "newEmail must be a valid e-mail address other than the current one.", "newEmail"));
        }

        // Whether the address is taken is told only when the link is used, by its owner: asking here would tell anyone
        // with an account which addresses are registered.
        var address = EmailAddress.Normalize(newEmail);
        var token = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await grains.GetGrain<IEmailChangeGrain>(EmailChangeKey(token)).StartAsync(customerId, address);
        await mailer.SendAsync(address, "Confirm your new e-mail address",
            $"To make this your shop account's address, open {mail.Value.ConfirmEmailLink}{token} within {IEmailChangeGrain.Lifetime.TotalHours:0} hours. If you did not ask for it, ignore this message.");
        return checkedPassword;
    }

    public async Task<Result<CustomerProfile>> ConfirmEmailChangeAsync(string token)
    {
        if (token.Length > 100 || await grains.GetGrain<IEmailChangeGrain>(EmailChangeKey(token)).RedeemAsync() is not { } change)
        {
            return Result<CustomerProfile>.Fail(UserError.Of(ErrorCodes.InvalidCredentials, "The link is not valid: unknown, used or expired.", "token"));
        }

        var customer = grains.GetGrain<ICustomerGrain>(change.CustomerId);
        var moved = false;
        await transactions.RunWithRetryAsync(async () =>
        {
            moved = await EmailIndex(change.NewEmail).ClaimAsync(change.CustomerId) == change.CustomerId;
            if (moved && await customer.ChangeEmailAsync(change.NewEmail) is { } old && old != change.NewEmail)
            {
                await EmailIndex(old).ReleaseAsync(change.CustomerId);
            }
        }, logger);

        return moved
            ? Result<CustomerProfile>.Ok((await customer.GetAsync())!)
            : Result<CustomerProfile>.Fail(UserError.Of(ErrorCodes.EmailTaken, "Another account has this e-mail address.", "token"));
    }

    public async Task<Result<CustomerProfile>> SignInExternalAsync(ExternalLogin login)
    {
        var link = grains.GetGrain<IExternalLoginGrain>(login.Key);
        if (await link.GetCustomerAsync() is { } linked)
        {
            return await grains.GetGrain<ICustomerGrain>(linked).GetAsync() is { } profile ? Result<CustomerProfile>.Ok(profile) : WrongCredentials();
        }

        if (!login.EmailVerified || login.Email is not { } email || !CustomerRules.IsEmail(email))
        {
            return Result<CustomerProfile>.Fail(UserError.Of(ErrorCodes.InvalidCredentials, "The identity provider vouched for no e-mail address to link or open an account with."));
        }

        var customerId = await EmailIndex(email).GetOwnerAsync();
        if (customerId is null)
        {
            // No password of its own: a random one nobody knows. The customer signs in through the provider.
            var name = string.IsNullOrWhiteSpace(login.Name) || CustomerRules.ValidateName(login.Name) is not null ? email : login.Name;
            var opened = await RegisterAsync(new SignUp(email, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), name), [Role.Customer]);
            if (!opened.Succeeded)
            {
                return opened;
            }

            customerId = opened.Value!.Id;
        }

        var customer = grains.GetGrain<ICustomerGrain>(await link.LinkAsync(customerId.Value));
        LogLinked(logger, customer.GetPrimaryKey());
        return Result<CustomerProfile>.Ok((await customer.GetAsync())!);
    }

    // The customer, and their profile when password is theirs; a wrong one counts towards the address's lockout.
    private async Task<(ICustomerGrain Customer, Result<CustomerProfile> Checked)> CheckPasswordAsync(Guid customerId, string password, string field)
    {
        var customer = grains.GetGrain<ICustomerGrain>(customerId);
        if (await customer.GetAsync() is not { } profile)
        {
            return (customer, Result<CustomerProfile>.Fail(UserError.Of(ErrorCodes.NotFound, "The customer does not exist.")));
        }

        var attempts = grains.GetGrain<ISignInAttemptsGrain>(EmailAddress.IndexKey(profile.Email));
        if (await attempts.GetLockedUntilAsync() is { } lockedUntil)
        {
            return (customer, LockedOut(lockedUntil, field));
        }

        if (password.Length > CustomerRules.MaxPasswordLength || !await customer.VerifyPasswordAsync(password))
        {
            await attempts.FailedAsync();
            return (customer, Result<CustomerProfile>.Fail(UserError.Of(ErrorCodes.InvalidCredentials, "The password is wrong.", field)));
        }

        return (customer, Result<CustomerProfile>.Ok(profile));
    }

    private static string EmailChangeKey(string token) => Digest.Hex(token);

    private static Result<CustomerProfile> LockedOut(DateTimeOffset until, params string[] field) =>
        Result<CustomerProfile>.Fail(UserError.Of(ErrorCodes.LockedOut, $"Too many failed sign-ins for this e-mail; try again after {until:u}.", field));

    private static Result<CustomerProfile> WrongCredentials() =>
        Result<CustomerProfile>.Fail(UserError.Of(ErrorCodes.InvalidCredentials, "The e-mail or the password is wrong."));

    public async Task<Result<CustomerProfile>> EnsureAdminAsync(SignUp admin)
    {
        var created = await RegisterAsync(admin, [Role.Customer, Role.Admin]);
        if (created.Succeeded || created.Errors[0].Code != ErrorCodes.EmailTaken)
        {
            return created;
        }

        // The address has an account already (an earlier start, or another silo starting now). It becomes an
        // administrator only if it holds the configured password: registering the admin's address first must not
        // be a way to become one.
        var existing = await SignInAsync(admin.Email, admin.Password);
        if (!existing.Succeeded)
        {
            return existing;
        }

        var profile = await grains.GetGrain<ICustomerGrain>(existing.Value!.Id).GrantRoleAsync(Role.Admin);
        LogAdminEnsured(logger, profile!.Id);
        return Result<CustomerProfile>.Ok(profile);
    }

    private async Task<Result<CustomerProfile>> RegisterAsync(SignUp signUp, Role[] roles)
    {
        var errors = CustomerRules.Validate(signUp).ToList();
        if (errors.Count > 0)
        {
            return Result<CustomerProfile>.Fail(errors);
        }

        var email = EmailAddress.Normalize(signUp.Email);
        var registration = new Registration(email, signUp.Name.Trim(), PasswordHasher.Hash(signUp.Password), [.. roles]);
        var customerId = Guid.NewGuid();
        var customer = grains.GetGrain<ICustomerGrain>(customerId);
        var claimed = false;
        // Commits even when the address is taken (nothing changes then), so EMAIL_TAKEN never rests on a claim that
        // another, still uncommitted sign-up made and may yet abort.
        // A block body: the transaction's result is not the claim (a lambda returning it would vote to abort when taken).
        await transactions.RunWithRetryAsync(async () =>
        {
            claimed = await EmailIndex(email).ClaimAsync(customerId) == customerId && await customer.RegisterAsync(registration);
        }, logger);

        if (!claimed)
        {
            return Result<CustomerProfile>.Fail(UserError.Of(ErrorCodes.EmailTaken, "An account with this e-mail already exists.", "input", "email"));
        }

        LogSignedUp(logger, customerId, string.Join(',', roles));
        return Result<CustomerProfile>.Ok((await customer.GetAsync())!);
    }

    private ICustomerEmailGrain EmailIndex(string email) => grains.GetGrain<ICustomerEmailGrain>(EmailAddress.IndexKey(email));

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId} is linked to an external identity")]
    private static partial void LogLinked(ILogger logger, Guid customerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId} changed their password; every session of theirs ended")]
    private static partial void LogPasswordChanged(ILogger logger, Guid customerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerId} signed up with roles {Roles}")]
    private static partial void LogSignedUp(ILogger logger, Guid customerId, string roles);

    // By id: an address is personal data, and logs and traces carry none.
    [LoggerMessage(Level = LogLevel.Information, Message = "Administrator {CustomerId} holds the ADMIN role")]
    private static partial void LogAdminEnsured(ILogger logger, Guid customerId);
}
