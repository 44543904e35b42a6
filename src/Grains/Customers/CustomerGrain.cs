using EShop.Ordering;
using EShop.Shared;
using EShop.Shipping;
using Orleans.Transactions.Abstractions;

namespace EShop.Customers;

[GrainType("eshop.customers.customer")]
public sealed class CustomerGrain(
    [TransactionalState(StateNames.Customer, StorageNames.Customers)] ITransactionalState<CustomerState> state,
    TimeProvider time) : Grain, ICustomerGrain
{
    public Task<CustomerProfile?> GetAsync() => state.PerformRead(ToProfile);

    public Task<bool> RegisterAsync(Registration registration) => state.PerformUpdate(s =>
    {
        if (s.Exists)
        {
            return false;
        }

        (s.Email, s.Name, s.PasswordHash, s.Roles, s.CreatedAt) =
            (registration.Email, registration.Name, registration.PasswordHash, [.. registration.Roles], time.GetUtcNow());
        return true;
    });

    // A missing customer is checked against a decoy hash, so the answer takes as long either way.
    public Task<bool> VerifyPasswordAsync(string password) => state.PerformRead(s => PasswordHasher.Verify(password, s.Exists ? s.PasswordHash : null));

    public Task<CustomerProfile?> GrantRoleAsync(Role role) => state.PerformUpdate(s =>
    {
        if (s.Exists && !s.Roles.Contains(role))
        {
            s.Roles.Add(role);
        }

        return ToProfile(s);
    });

    public Task<CustomerProfile?> RevokeRoleAsync(Role role) => state.PerformUpdate(s =>
    {
        s.Roles.Remove(role);
        return ToProfile(s);
    });

    public Task<string?> ChangeEmailAsync(string newEmail) => state.PerformUpdate(s =>
    {
        if (!s.Exists)
        {
            return null;
        }

        var old = s.Email;
        s.Email = newEmail;
        return old;
    });

    public Task<bool> SetPasswordHashAsync(string passwordHash) => state.PerformUpdate(s =>
    {
        if (s.Exists)
        {
            s.PasswordHash = passwordHash;
        }

        return s.Exists;
    });

    public Task<Result<CustomerProfile>> UpdateProfileAsync(string name) => state.PerformUpdate(s =>
    {
        if (!s.Exists)
        {
            return Result<CustomerProfile>.Fail(UserError.Of(ErrorCodes.NotFound, "The customer does not exist."));
        }

        if (CustomerRules.ValidateName(name, "name") is { } error)
        {
            return Result<CustomerProfile>.Fail(error);
        }

        s.Name = name.Trim();
        return Result<CustomerProfile>.Ok(ToProfile(s)!);
    });

    public Task<Result<CustomerProfile>> SaveAddressAsync(Guid? id, Address address, bool makeDefault) => state.PerformUpdate(s =>
    {
        var errors = AddressRules.Validate(address, "input").ToList();
        var at = id is { } existing ? s.Addresses.FindIndex(a => a.Id == existing) : -1;
        if (!s.Exists || (id is not null && at < 0))
        {
            errors.Insert(0, NoSuchAddress);
        }
        else if (id is null && s.Addresses.Count >= ICustomerGrain.MaxAddresses)
        {
            errors.Insert(0, UserError.Of(ErrorCodes.InvalidInput, $"An address book holds at most {ICustomerGrain.MaxAddresses} addresses."));
        }

        if (errors.Count > 0)
        {
            return Result<CustomerProfile>.Fail(errors);
        }

        var isDefault = makeDefault || s.Addresses.Count == 0 || (at >= 0 && s.Addresses[at].IsDefault);
        var saved = new SavedAddress(id ?? Guid.NewGuid(), Trimmed(address), isDefault);
        if (isDefault)
        {
            s.Addresses = [.. s.Addresses.Select(a => a with { IsDefault = false })];
        }

        if (at >= 0)
        {
            s.Addresses[at] = saved;
        }
        else
        {
            s.Addresses.Add(saved);
        }

        return Result<CustomerProfile>.Ok(ToProfile(s)!);
    });

    public Task<Result<CustomerProfile>> SetDefaultAddressAsync(Guid id) => state.PerformUpdate(s =>
    {
        if (!s.Addresses.Any(a => a.Id == id))
        {
            return Result<CustomerProfile>.Fail(NoSuchAddress);
        }

        s.Addresses = [.. s.Addresses.Select(a => a with { IsDefault = a.Id == id })];
        return Result<CustomerProfile>.Ok(ToProfile(s)!);
    });

    public Task<Result<CustomerProfile>> RemoveAddressAsync(Guid id) => state.PerformUpdate(s =>
    {
        var at = s.Addresses.FindIndex(a => a.Id == id);
        if (at < 0)
        {
            return Result<CustomerProfile>.Fail(NoSuchAddress);
        }

        var wasDefault = s.Addresses[at].IsDefault;
        s.Addresses.RemoveAt(at);
        if (wasDefault && s.Addresses.Count > 0)
        {
            s.Addresses[0] = s.Addresses[0] with { IsDefault = true };
        }

        return Result<CustomerProfile>.Ok(ToProfile(s)!);
    });

    private static readonly UserError NoSuchAddress = UserError.Of(ErrorCodes.NotFound, "There is no such address.", "id");

    private static Address Trimmed(Address a) =>
        new(a.Name.Trim(), a.Line1.Trim(), string.IsNullOrWhiteSpace(a.Line2) ? null : a.Line2.Trim(), a.City.Trim(), a.PostalCode.Trim(), a.Country.Trim().ToUpperInvariant());

    private CustomerProfile? ToProfile(CustomerState s) =>
        s.Exists ? new CustomerProfile(this.GetPrimaryKey(), s.Email, s.Name, [.. s.Roles.Order()], s.CreatedAt, [.. s.Addresses]) : null;
}
