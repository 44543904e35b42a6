using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using EShop.Payments;
using GraphQL;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Payments;

public sealed class PaymentQueries(IGrainFactory grains) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<GiftCardGraphType>("giftCard")
            .Description("A gift card's balance, for whoever holds its code (signed in); null when no card has it.")
            .Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(async c =>
            {
                c.RequireCustomer();
                var code = c.GetArgument<string>("code");
                return GiftCardCodes.IsWellFormed(code) && await grains.GetGrain<IGiftCardGrain>(GiftCards.KeyOf(code)).GetAsync() is { } card
                    ? new GiftCard(code.Trim().ToUpperInvariant(), card)
                    : null;
            });
    }
}
