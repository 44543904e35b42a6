using EShop.Customers;
using EShop.GraphQLGateway.Shared;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Customers;

public sealed class CustomerGraphType : ObjectGraphType<CustomerProfile>
{
    public CustomerGraphType()
    {
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id.ToString());
        Field(c => c.Email);
        Field(c => c.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleGraphType>>>>("roles").Resolve(c => c.Source.Roles);

        // Personal data: the customer's own, or an administrator's to see.
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SavedAddressGraphType>>>>("addresses")
            .Description("The address book: the customer's own, or for whoever may read any customer (ADMIN).")
            .ResolveAsync(async c =>
            {
                await c.RequireOwnerOrAsync(c.Source.Id, Permissions.CustomersReadAny);
                return c.Source.Addresses;
            });
    }
}
