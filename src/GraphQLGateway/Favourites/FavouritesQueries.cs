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
    private const int MaxNotifications = INotificationInboxGrain.Capacity;

    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductGraphType>>>>("favourites")
            .Description("The signed-in customer's favourite products, newest first. A product the catalog no longer lists is left out.")
            .ResolveAsync(async c => await catalog.ProductsAsync(await grains.GetGrain<IFavouritesGrain>(c.RequireCustomer()).GetAsync()));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductGraphType>>>>("recommendations")
            .Description(
                "Products often bought together with this one (by how many orders had both, then by id), then the best sellers of its " +
                "category. Never the product itself, never one out of stock. first is at most " + IRecommendationsGrain.MaxFirst + ". Anyone may ask.")
            .Argument<NonNullGraphType<IdGraphType>>("productId")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 5)
            .ResolveAsync(async c =>
            {
                var result = await Recommendations.ForProductAsync(c.GetArgument<string>("productId"), First(c));
                return result.Succeeded ? result.Value : throw result.Errors.ToExecutionError();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductGraphType>>>>("recommendedForMe")
            .Description("Products related to the signed-in customer's favourites and recent orders that they have not bought.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 5)
            .ResolveAsync(async c => await Recommendations.ForCustomerAsync(c.RequireCustomer(), First(c)));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationGraphType>>>>("notifications")
            .Description("The signed-in customer's notifications, newest first; the newest " + INotificationInboxGrain.Capacity + " are kept.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<BooleanGraphType>("unreadOnly", a => a.DefaultValue = false)
            .ResolveAsync(async c =>
            {
                var first = c.GetArgument<int?>("first") ?? 20;
                if (first is < 0 or > MaxNotifications)
                {
                    throw new ExecutionError($"first must be between 0 and {MaxNotifications}.") { Code = "BAD_USER_INPUT" };
                }

                var inbox = grains.GetGrain<INotificationInboxGrain>(c.RequireCustomer());
                return await catalog.ListedAsync(await inbox.GetAsync(first, c.GetArgument<bool?>("unreadOnly") ?? false));
            });
    }

    private IRecommendationsGrain Recommendations => grains.GetGrain<IRecommendationsGrain>(0);

    private static int First(IResolveFieldContext context) =>
        (context.GetArgument<int?>("first") ?? 5) is var first && first is >= 0 and <= IRecommendationsGrain.MaxFirst
            ? first
            : throw new ExecutionError($"first must be between 0 and {IRecommendationsGrain.MaxFirst}.") { Code = "BAD_USER_INPUT" };
}
