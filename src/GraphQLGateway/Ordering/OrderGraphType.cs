using EShop.GraphQLGateway.Payments;
using EShop.GraphQLGateway.Shared;
using EShop.GraphQLGateway.Shipping;
using EShop.Ordering;
using EShop.Payments;
using EShop.Shipping;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Ordering;

public sealed class OrderGraphType : ObjectGraphType<OrderSnapshot>
{
    public OrderGraphType(IGrainFactory grains)
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
        Field<PaymentGraphType>("payment")
            .Description("The payment as its ledger stands; PENDING until the processor has answered.")
            .ResolveAsync(async c => await grains.GetGrain<IPaymentGrain>(c.Source.Id).GetAsync()
                ?? new PaymentSnapshot(c.Source.Payment.Method, PaymentStatus.Pending, c.Source.Total, 0, 0, c.Source.Currency, null, []));
        Field<ShipmentGraphType>("shipment")
            .Description("Created when the order is paid (cash on delivery: confirmed); null before.")
            .ResolveAsync(async c => c.Source.TrackingNumber is null ? null : await grains.GetGrain<IShipmentGrain>(c.Source.Id).GetAsync());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OrderEventGraphType>>>>("timeline")
            .Description("Every state change, oldest first.")
            .Resolve(c => c.Source.Timeline);
    }
}
