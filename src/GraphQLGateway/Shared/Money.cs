namespace EShop.GraphQLGateway.Shared;

public sealed record Money(decimal Amount, string Currency)
{
    public static Money Of(decimal amount) => new(amount, EShop.Shared.Currency.Default);
}
