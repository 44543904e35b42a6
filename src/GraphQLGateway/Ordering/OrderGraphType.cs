using EShop.GraphQLGateway.Shared;
using EShop.Ordering;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Ordering;

public sealed class OrderGraphType : ObjectGraphType<OrderSnapshot>
{
    public OrderGraphType()
    {
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id.ToString());
        Field<NonNullGraphType<OrderStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderLineGraphType>>>>("lines").Resolve(c => c.Source.Lines);
        Field<NonNullGraphType<MoneyGraphType>>("subtotal").Resolve(c => new Money(c.Source.Subtotal, c.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("shippingCost").Resolve(c => new Money(c.Source.ShippingCost, c.Source.Currency));
        Field<NonNullGraphType<MoneyGraphType>>("total").Resolve(c => new Money(c.Source.Total, c.Source.Currency));
        Field<NonNullGraphType<DateTimeGraphType>>("placedAt").Resolve(c => c.Source.PlacedAt.UtcDateTime);
        Field<NonNullGraphType<ShippingSpeedGraphType>>("shippingSpeed").Resolve(c => c.Source.ShippingSpeed);
        Field<NonNullGraphType<PaymentMethodGraphType>>("paymentMethod").Resolve(c => c.Source.Payment.Method);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderEventGraphType>>>>("timeline")
            .Description("Every state change, oldest first.")
            .Resolve(c => c.Source.Timeline);
    }
}
