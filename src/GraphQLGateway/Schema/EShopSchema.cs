namespace EShop.GraphQLGateway.Schema;

// The storefront schema. A singleton: building a schema per request costs ~100× a cached one.
public sealed class EShopSchema : GraphQL.Types.Schema
{
    public EShopSchema(IServiceProvider services, EShopQuery query, EShopMutation mutation) : base(services)
    {
        Query = query;
        Mutation = mutation;
        Description = "EShop storefront API: catalog, customers, cart and checkout.";
    }
}
