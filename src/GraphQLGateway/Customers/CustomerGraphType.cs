using EShop.Customers;
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
    }
}
