using EShop.Customers;
using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using EShop.Ordering;
using EShop.Shared;
using GraphQL;
using GraphQL.Types;
using Microsoft.FeatureManagement;

namespace EShop.GraphQLGateway.Ordering;

public sealed class OrderingMutations(IGrainFactory grains, IFeatureManager features) : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CheckoutPayloadGraphType>>("checkout")
            .Description("Places the cart as an order in one transaction: all of it or none. The same idempotencyKey returns the same order.")
            .Argument<NonNullGraphType<CheckoutInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var customerId = c.RequireCustomer();
                var input = c.GetArgument<CheckoutInput>("input");
                if (input.ShippingSpeed == ShippingSpeed.Express && !await features.IsEnabledAsync(Features.ExpressShipping))
                {
                    return Result<OrderSnapshot>.Fail(UserError.Of(ErrorCodes.InvalidInput, "Express shipping is not offered at the moment; choose STANDARD.", "input", "shippingSpeed"));
                }

                var request = new CheckoutRequest(customerId, input.IdempotencyKey, input.ShippingAddress, input.ShippingSpeed, input.Payment);
                return await grains.GetGrain<IOrderProcessGrain>(OrderIds.ForCheckout(customerId, input.IdempotencyKey)).CheckoutAsync(request);
            });

        mutation.Field<NonNullGraphType<OrderPayloadGraphType>>("cancelOrder")
            .Description("Cancels an order that has not shipped (awaiting payment, or paid with its parcel not yet picked up) and puts its units back in stock; a payment is voided or refunded. Its owner may; so may an ADMIN.")
            .Argument<NonNullGraphType<IdGraphType>>("orderId")
            .ResolveAsync(async c =>
            {
                if (await c.GetVisibleOrderAsync(grains, c.GetArgument<string>("orderId")) is not { } order)
                {
                    return Result<OrderSnapshot>.Fail(UserError.Of(ErrorCodes.NotFound, "The order does not exist.", "orderId"));
                }

                // Cancelling another's order gives money back: reading it (SUPPORT) is not enough.
                var byOwner = c.CustomerId() == order.CustomerId;
                if (!byOwner)
                {
                    await c.RequirePermissionAsync(Permissions.OrdersRefund);
                }

                return await grains.GetGrain<IOrderProcessGrain>(order.Id).CancelAsync(byOwner ? "cancelled by the customer" : "cancelled by an administrator");
            });
    }
}
