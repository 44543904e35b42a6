using EShop.Catalog;
using EShop.Favourites;
using EShop.GraphQLGateway.Catalog;
using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using GraphQL;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Favourites;

public sealed class FavouritesQueries(IGrainFactory grains, ICatalogGrain catalog) : IQueryFields
{
    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductGraphType>>>>("favourites")
            .Description("The signed-in customer's favourite products, newest first. A product the catalog no longer lists is left out.")
            .ResolveAsync(async c => await catalog.ProductsAsync(await grains.GetGrain<IFavouritesGrain>(c.RequireCustomer()).GetAsync()));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductGraphType>>>>("recommendations")
            .Description(
                "Products often bought together with this one (by how many orders had both, then by id); with too little history, the " +
                "best sellers of its category. Never the product itself, never one out of stock or removed. first is at most " +
                IRecommendationsGrain.MaxFirst + ". Anyone may ask.")
            .Argument<NonNullGraphType<IdGraphType>>("productId")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 5)
            .ResolveAsync(async c =>
            {
                var result = await Recommendations.ForProductAsync(c.GetArgument<string>("productId"), c.First(IRecommendationsGrain.MaxFirst));
                return result.Succeeded ? result.Value : throw result.Errors.ToExecutionError();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductGraphType>>>>("recommendedForMe")
            .Description("Products bought with the signed-in customer's favourites and recent orders that they have not bought; with too little history, the best sellers of those products' categories.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 5)
            .ResolveAsync(async c => await Recommendations.ForCustomerAsync(c.RequireCustomer(), c.First(IRecommendationsGrain.MaxFirst)));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationGraphType>>>>("notifications")
            .Description("The signed-in customer's notifications, newest first; the newest " + INotificationInboxGrain.Capacity + " are kept.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<BooleanGraphType>("unreadOnly", a => a.DefaultValue = false)
            .ResolveAsync(async c =>
            {
                var first = c.First(INotificationInboxGrain.Capacity);

                // The whole inbox is read (200 at most), so notifications of removed products do not shorten the page.
                var inbox = grains.GetGrain<INotificationInboxGrain>(c.RequireCustomer());
                var held = await inbox.GetAsync(INotificationInboxGrain.Capacity, c.GetArgument<bool>("unreadOnly"));
                return (await catalog.ListedAsync(held)).Take(first);
            });
    }

    private IRecommendationsGrain Recommendations => grains.GetGrain<IRecommendationsGrain>(0);
}
