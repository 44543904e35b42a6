using EShop.Customers;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Customers;

public sealed class SavedAddressGraphType : ObjectGraphType<SavedAddress>
{
    public SavedAddressGraphType()
    {
        Name = "SavedAddress";
        Description = "An address in the customer's address book.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id.ToString());
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Address.Name);
        Field<NonNullGraphType<StringGraphType>>("line1").Resolve(c => c.Source.Address.Line1);
        Field<StringGraphType>("line2").Resolve(c => c.Source.Address.Line2);
        Field<NonNullGraphType<StringGraphType>>("city").Resolve(c => c.Source.Address.City);
        Field<NonNullGraphType<StringGraphType>>("postalCode").Resolve(c => c.Source.Address.PostalCode);
        Field<NonNullGraphType<StringGraphType>>("country").Resolve(c => c.Source.Address.Country);
        Field<NonNullGraphType<BooleanGraphType>>("isDefault").Resolve(c => c.Source.IsDefault);
    }
}
