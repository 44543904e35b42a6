using EShop.Ordering;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Ordering;

public sealed class AddressInputGraphType : InputObjectGraphType<Address>
{
    public AddressInputGraphType()
    {
        Field(a => a.Name);
        Field(a => a.Line1);
        Field(a => a.Line2, nullable: true);
        Field(a => a.City);
        Field(a => a.PostalCode);
        Field(a => a.Country).Description("ISO 3166-1 alpha-2 code, e.g. ES.");
    }
}
