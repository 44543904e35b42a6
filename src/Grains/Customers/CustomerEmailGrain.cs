using EShop.Shared;
using Orleans.Transactions.Abstractions;

namespace EShop.Customers;

[GrainType("eshop.customers.email")]
public sealed class CustomerEmailGrain(
    [TransactionalState(StateNames.CustomerEmail, StorageNames.Customers)] ITransactionalState<CustomerEmailState> state) : Grain, ICustomerEmailGrain
{
    public Task<Guid?> GetOwnerAsync() => state.PerformRead(s => s.Owner);

    public Task<Guid> ClaimAsync(Guid customerId) => state.PerformUpdate(s => s.Owner ??= customerId);

    public Task ReleaseAsync(Guid customerId) => state.PerformUpdate(s =>
    {
        if (s.Owner == customerId)
        {
            s.Owner = null;
        }
    });
}
