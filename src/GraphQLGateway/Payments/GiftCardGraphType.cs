using EShop.GraphQLGateway.Shared;
using EShop.Payments;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Payments;

public sealed class GiftCardGraphType : ObjectGraphType<GiftCardSnapshot>
{
    public GiftCardGraphType()
    {
        Description = "A store balance; pay with it at checkout by method GIFT_CARD and its code.";
        Field(g => g.Code);
        Field<NonNullGraphType<MoneyGraphType>>("balance").Resolve(c => new Money(c.Source.Balance, c.Source.Currency));
        Field<NonNullGraphType<DateTimeGraphType>>("issuedAt").Resolve(c => c.Source.IssuedAt.UtcDateTime);
    }
}
