using EShop.GraphQLGateway.Ordering;
using EShop.GraphQLGateway.Shared;
using EShop.Payments;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Payments;

public sealed class PaymentGraphType : ObjectGraphType<PaymentSnapshot>
{
    public PaymentGraphType()
    {
        Description = "An order's payment, as its ledger stands.";
        Field<NonNullGraphType<PaymentMethodGraphType>>("method").Resolve(c => c.Source.Method);
        Field<NonNullGraphType<PaymentStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<MoneyGraphType>>("amount").Description("What is charged: the order's total.").Resolve(c => new Money(c.Source.Amount, c.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("refunded").Description("What was refunded so far.").Resolve(c => new Money(c.Source.Refunded, c.Source.Currency));
    }
}
