using System.Collections.Immutable;
using EShop.Catalog;
using EShop.Customers;
using EShop.GraphQLGateway.Customers;
using EShop.Favourites;
using EShop.GraphQLGateway.Catalog;
using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using GraphQL;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Favourites;

public sealed class FavouritesMutations(IGrainFactory grains, ICatalogGrain catalog) : IMutationFields
{
    private const int MaxIds = INotificationInboxGrain.Capacity;

    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductGraphType>>>>("addFavourite")
            .Description("Adds the product to the signed-in customer's favourites (again: no change) and answers with the list, newest first. " +
                "NOT_FOUND for an unknown product; LIMIT_EXCEEDED past " + IFavouritesGrain.Capacity + " favourites.")
            .Argument<NonNullGraphType<IdGraphType>>("productId")
            .ResolveAsync(async c =>
            {
                var result = await Favourites(c).AddAsync(c.GetArgument<string>("productId"));
                return result.Succeeded ? await catalog.ProductsAsync(result.Value) : throw result.Errors.ToExecutionError();
            });

        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductGraphType>>>>("removeFavourite")
            .Description("Removes the product from the signed-in customer's favourites (not there: no change) and answers with the list.")
            .Argument<NonNullGraphType<IdGraphType>>("productId")
            .ResolveAsync(async c => await catalog.ProductsAsync(await Favourites(c).RemoveAsync(c.GetArgument<string>("productId"))));

        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationGraphType>>>>("markNotificationsRead")
            .Description("Marks the signed-in customer's notifications with these ids read, and answers with them; other ids are left out.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .ResolveAsync(async c =>
            {
                var ids = c.GetArgument<List<string>>("ids");
                if (ids.Count > MaxIds)
                {
                    throw new ExecutionError($"ids takes at most {MaxIds} ids.") { Code = "BAD_USER_INPUT" };
                }

                var inbox = grains.GetGrain<INotificationInboxGrain>(c.RequireCustomer());
                return await catalog.ListedAsync(await inbox.MarkReadAsync([.. ids]));
            });

        mutation.Field<NonNullGraphType<IntGraphType>>("rebuildRecommendations")
            .Audited()
            .Description("Rebuilds the co-purchase model behind recommendations from the stored purchases (catalog:write, ADMIN); answers with how many it read.")
            .ResolveAsync(async c =>
            {
                await c.RequirePermissionAsync(Permissions.CatalogWrite);
                return await Recommendations.RebuildAsync();
            });
    }

    private IRecommendationsGrain Recommendations => grains.GetGrain<IRecommendationsGrain>(0);

    private IFavouritesGrain Favourites(IResolveFieldContext context) => grains.GetGrain<IFavouritesGrain>(context.RequireCustomer());
}
