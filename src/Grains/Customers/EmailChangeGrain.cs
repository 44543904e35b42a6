using EShop.Shared;

namespace EShop.Customers;

[GrainType("eshop.customers.email-change")]
public sealed class EmailChangeGrain(
    [PersistentState(StateNames.EmailChange, StorageNames.Customers)] IPersistentState<EmailChangeState> state,
    TimeProvider time) : Grain, IEmailChangeGrain
{
    public async Task StartAsync(Guid customerId, string newEmail)
    {
        state.State = new EmailChangeState { CustomerId = customerId, NewEmail = newEmail, ExpiresAt = time.GetUtcNow() + IEmailChangeGrain.Lifetime };
        await state.WriteStateAsync();
    }

    public async Task<EmailChange?> RedeemAsync()
    {
        if (state.State is not { CustomerId: { } customerId, Redeemed: false } || state.State.ExpiresAt <= time.GetUtcNow())
        {
            return null;
        }

        state.State.Redeemed = true;
        await state.WriteStateAsync();
        return new EmailChange(customerId, state.State.NewEmail);
    }
}

[GenerateSerializer, Alias("eshop.customers.EmailChangeState")]
public sealed class EmailChangeState
{
    [Id(0)] public Guid? CustomerId { get; set; }
    [Id(1), PersonalData] public string NewEmail { get; set; } = "";
    [Id(2)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(3)] public bool Redeemed { get; set; }
}
