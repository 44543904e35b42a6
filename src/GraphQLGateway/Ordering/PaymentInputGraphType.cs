using EShop.Ordering;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Ordering;

public sealed class PaymentInputGraphType : InputObjectGraphType<PaymentDetails>
{
    public PaymentInputGraphType()
    {
        Field<NonNullGraphType<PaymentMethodGraphType>>("method");
        Field(p => p.CardToken, nullable: true).Description("CARD: a processor token (sandbox: tok_visa, tok_chargeDeclined, tok_insufficientFunds).");
        Field(p => p.GiftCardCode, nullable: true).Description("GIFT_CARD: the card's code.");
    }
}
