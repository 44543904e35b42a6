namespace EShop.GraphQLGateway.Schema;

// The storefront schema. A singleton: building a schema per request costs ~100× a cached one.
public sealed class EShopSchema : GraphQL.Types.Schema
{
    public EShopSchema(IServiceProvider services, EShopQuery query, EShopMutation mutation, EShopSubscription subscription) : base(services)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        Description = "EShop storefront API: catalog, customers, cart and checkout, and order updates as they happen.";
    }
}
