using EShop.GraphQLGateway.Customers;
using EShop.Customers;
using EShop.GraphQLGateway.Ordering;
using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using EShop.Ordering;
using EShop.Payments;
using EShop.Shared;
using GraphQL;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Payments;

public sealed class PaymentMutations(IGrainFactory grains) : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<GiftCardPayloadGraphType>>("issueGiftCard")
            .Audited()
            .Description("Issues a gift card with a balance (ADMIN). Without a code, a random one is made; a code already issued is INVALID_STATE.")
            .Argument<NonNullGraphType<DecimalGraphType>>("amount")
            .Argument<StringGraphType>("code")
            .ResolveAsync(async c =>
            {
                await c.RequirePermissionAsync(Permissions.GiftCardsIssue);
                var code = (c.GetArgument<string?>("code") ?? GiftCardCodes.New()).Trim().ToUpperInvariant();
                if (GiftCardCodes.Validate(code) is { } invalid)
                {
                    return Result<GiftCard>.Fail(invalid);
                }

                var issued = await grains.GetGrain<IGiftCardGrain>(GiftCards.KeyOf(code)).IssueAsync(c.GetArgument<decimal>("amount"));
                return issued.Succeeded ? Result<GiftCard>.Ok(new GiftCard(code, issued.Value!)) : Result<GiftCard>.Fail(issued.Errors);
            });

        mutation.Field<NonNullGraphType<OrderPayloadGraphType>>("refundOrder")
            .Audited()
            .Description("Refunds part or all of what was captured for an order, to the original payment method (ADMIN). amount null: all that is left.")
            .Argument<NonNullGraphType<IdGraphType>>("orderId")
            .Argument<DecimalGraphType>("amount")
            .ResolveAsync(async c =>
            {
                await c.RequirePermissionAsync(Permissions.OrdersRefund);
                return Guid.TryParse(c.GetArgument<string>("orderId"), out var orderId)
                    ? await grains.GetGrain<IOrderProcessGrain>(orderId).RefundAsync(c.GetArgument<decimal?>("amount"))
                    : Result<OrderSnapshot>.Fail(UserError.Of(ErrorCodes.NotFound, "The order does not exist.", "orderId"));
            });
    }
}
