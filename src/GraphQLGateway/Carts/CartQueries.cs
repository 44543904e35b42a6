using EShop.Carts;
using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Carts;

public sealed class CartQueries(IGrainFactory grains) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<CartGraphType>>("cart")
            .Description("The signed-in customer's cart.")
            .ResolveAsync(async c => await grains.GetGrain<ICartGrain>(c.RequireCustomer()).GetAsync());
    }
}
