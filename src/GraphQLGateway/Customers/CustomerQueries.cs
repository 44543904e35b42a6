using EShop.Customers;
using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Customers;

public sealed class CustomerQueries(IGrainFactory grains) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<CustomerGraphType>("me")
            .Description("The signed-in customer; null when anonymous.")
            .ResolveAsync(async c => c.CustomerId() is { } id ? await grains.GetGrain<ICustomerGrain>(id).GetAsync() : null);
    }
}
