using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using EShop.Ordering;
using EShop.Shared;
using GraphQL;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Ordering;

public sealed class OrderingMutations(IGrainFactory grains) : IMutationFields
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
                if (string.IsNullOrWhiteSpace(input.IdempotencyKey))
                {
                    return Result<OrderSnapshot>.Fail(UserError.Of(ErrorCodes.InvalidInput, "idempotencyKey is required.", "input", "idempotencyKey"));
                }

                var request = new CheckoutRequest(customerId, input.IdempotencyKey, input.ShippingAddress, input.ShippingSpeed, input.Payment);
                return await grains.GetGrain<IOrderProcessGrain>(OrderIds.ForCheckout(customerId, input.IdempotencyKey)).CheckoutAsync(request);
            });

        mutation.Field<NonNullGraphType<OrderPayloadGraphType>>("cancelOrder")
            .Description("Cancels an order that has not shipped; its owner or an ADMIN may.")
            .Argument<NonNullGraphType<IdGraphType>>("orderId")
            .ResolveAsync(async c =>
            {
                c.RequireCustomer();
                if (!Guid.TryParse(c.GetArgument<string>("orderId"), out var id) || await grains.GetGrain<IOrderGrain>(id).GetAsync() is not { } order)
                {
                    return Result<OrderSnapshot>.Fail(UserError.Of(ErrorCodes.NotFound, "The order does not exist.", "orderId"));
                }

                c.RequireOwnerOrAdmin(order.CustomerId);
                return await grains.GetGrain<IOrderProcessGrain>(id).CancelAsync(c.IsAdmin() && c.CustomerId() != order.CustomerId ? "cancelled by an administrator" : "cancelled by the customer");
            });
    }
}
