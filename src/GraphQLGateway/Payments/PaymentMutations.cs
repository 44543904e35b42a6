using EShop.GraphQLGateway.Ordering;
using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using EShop.Ordering;
using EShop.Shared;
using GraphQL;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Payments;

public sealed class PaymentMutations(IGrainFactory grains) : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<OrderPayloadGraphType>>("refundOrder")
            .Description("Refunds part or all of what was captured for an order, to the original payment method (ADMIN). amount null: all that is left.")
            .Argument<NonNullGraphType<IdGraphType>>("orderId")
            .Argument<DecimalGraphType>("amount")
            .ResolveAsync(async c =>
            {
                c.RequireAdmin();
                return Guid.TryParse(c.GetArgument<string>("orderId"), out var orderId)
                    ? await grains.GetGrain<IOrderProcessGrain>(orderId).RefundAsync(c.GetArgument<decimal?>("amount"))
                    : Result<OrderSnapshot>.Fail(UserError.Of(ErrorCodes.NotFound, "The order does not exist.", "orderId"));
            });
    }
}
