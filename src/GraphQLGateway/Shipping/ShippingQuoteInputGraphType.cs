using GraphQL.Types;

namespace EShop.GraphQLGateway.Shipping;

public sealed class ShippingQuoteInputGraphType : InputObjectGraphType<ShippingQuoteInput>
{
    public ShippingQuoteInputGraphType()
    {
        Field(i => i.Country).Description("ISO 3166-1 alpha-2 code of the destination, e.g. ES.");
        Field(i => i.PostalCode);
        Field<ListGraphType<NonNullGraphType<QuoteLineInputGraphType>>>("lines")
            .Description("What would be shipped; without lines, a parcel of up to 0.5 kg.");
    }
}
