using EShop.GraphQLGateway.Shared;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Payments;

public sealed class GiftCardGraphType : ObjectGraphType<GiftCard>
{
    public GiftCardGraphType()
    {
        Description = "A store balance; pay with it at checkout by method GIFT_CARD and its code.";
        Field(g => g.Code).Description("The code that spends the card: shown once to whoever issues it, kept by the shop only as a hash.");
        Field<NonNullGraphType<MoneyGraphType>>("balance").Resolve(c => new Money(c.Source.Card.Balance, c.Source.Card.Currency));
        Field<NonNullGraphType<DateTimeGraphType>>("issuedAt").Resolve(c => c.Source.Card.IssuedAt.UtcDateTime);
    }
}
