using EShop.Shared;
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

    public Task<string?> GetPasswordHashAsync() => state.PerformRead(s => s.Exists ? s.PasswordHash : null);

    public Task<CustomerProfile?> GrantRoleAsync(Role role) => state.PerformUpdate(s =>
    {
        if (s.Exists && !s.Roles.Contains(role))
        {
            s.Roles.Add(role);
        }

        return ToProfile(s);
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

    private CustomerProfile? ToProfile(CustomerState s) =>
        s.Exists ? new CustomerProfile(this.GetPrimaryKey(), s.Email, s.Name, [.. s.Roles.Order()], s.CreatedAt) : null;
}
