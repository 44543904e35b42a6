using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using EShop.Ordering;
using EShop.Shipping;
using GraphQL;
using GraphQL.Types;
using Microsoft.FeatureManagement;

namespace EShop.GraphQLGateway.Shipping;

public sealed class ShippingQueries(IGrainFactory grains, IFeatureManager features) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<ShipmentGraphType>("shipment")
            .Description("A shipment by its tracking number; anyone may track one. Null when no shipment has that number.")
            .Argument<NonNullGraphType<StringGraphType>>("trackingNumber")
            .ResolveAsync(async c => await grains.FindShipmentAsync(c.GetArgument<string>("trackingNumber")));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShippingOptionGraphType>>>>("shippingQuote")
            .Description("What shipping costs to a destination, per speed, for the lines' weight. A country not shipped to is an INVALID_INPUT error.")
            .Argument<NonNullGraphType<ShippingQuoteInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<ShippingQuoteInput>("input");
                var quote = await grains.GetGrain<IShippingQuoteGrain>(0).QuoteAsync(input.Country, input.PostalCode, [.. input.Lines ?? []]);
                if (!quote.Succeeded)
                {
                    throw quote.Errors.ToExecutionError();
                }

                var express = await features.IsEnabledAsync(Features.ExpressShipping);
                return quote.Value.Where(o => express || o.Speed != ShippingSpeed.Express).ToList();
            });
    }
}
