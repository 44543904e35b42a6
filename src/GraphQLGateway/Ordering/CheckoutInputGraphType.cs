using GraphQL.Types;

namespace EShop.GraphQLGateway.Ordering;

public sealed class CheckoutInputGraphType : InputObjectGraphType<CheckoutInput>
{
    public CheckoutInputGraphType()
    {
        Field(i => i.IdempotencyKey).Description("The same key returns the same order, never a second one.");
        Field<NonNullGraphType<AddressInputGraphType>>("shippingAddress");
        Field<NonNullGraphType<ShippingSpeedGraphType>>("shippingSpeed");
        Field<NonNullGraphType<PaymentInputGraphType>>("payment");
    }
}
