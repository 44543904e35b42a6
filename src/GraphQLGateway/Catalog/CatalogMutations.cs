using EShop.GraphQLGateway.Customers;
using EShop.Customers;
using EShop.Catalog;
using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using GraphQL;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Catalog;

// The admin's catalog commands; every one needs the ADMIN role.
public sealed class CatalogMutations(IGrainFactory grains) : IMutationFields
{
    private ICatalogAdminGrain Admin => grains.GetGrain<ICatalogAdminGrain>(0);

    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CategoryGraphType>>("upsertCategory")
            .Audited()
            .Description("Creates or renames a category (ADMIN). Its result has no userErrors, so bad input is a GraphQL error with code INVALID_INPUT.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<StringGraphType>>("name")
            .ResolveAsync(async c =>
            {
                await c.RequirePermissionAsync(Permissions.CatalogWrite);
                var result = await Admin.UpsertCategoryAsync(c.GetArgument<string>("id"), c.GetArgument<string>("name"));
                return result.Succeeded ? result.Value : throw result.Errors.ToExecutionError();
            });

        mutation.Field<NonNullGraphType<ProductPayloadGraphType>>("upsertProduct")
            .Audited()
            .Argument<NonNullGraphType<ProductInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                await c.RequirePermissionAsync(Permissions.CatalogWrite);
                var input = c.GetArgument<ProductInput>("input");
                return await Admin.UpsertProductAsync(input.Id, new ProductDetails(
                    input.Name, input.Description, input.CategoryId, input.Price, input.Stock, input.WeightGrams ?? 0));
            });

        mutation.Field<NonNullGraphType<ProductPayloadGraphType>>("setPrice")
            .Audited()
            .Argument<NonNullGraphType<IdGraphType>>("productId")
            .Argument<NonNullGraphType<DecimalGraphType>>("price")
            .ResolveAsync(async c =>
            {
                await c.RequirePermissionAsync(Permissions.CatalogWrite);
                return await Admin.SetPriceAsync(c.GetArgument<string>("productId"), c.GetArgument<decimal>("price"));
            });

        mutation.Field<NonNullGraphType<ProductPayloadGraphType>>("setDiscount")
            .Audited()
            .Description("Percent off the list price; 0 removes the discount.")
            .Argument<NonNullGraphType<IdGraphType>>("productId")
            .Argument<NonNullGraphType<DecimalGraphType>>("percent")
            .ResolveAsync(async c =>
            {
                await c.RequirePermissionAsync(Permissions.CatalogWrite);
                return await Admin.SetDiscountAsync(c.GetArgument<string>("productId"), c.GetArgument<decimal>("percent"));
            });

        mutation.Field<NonNullGraphType<ProductPayloadGraphType>>("adjustStock")
            .Audited()
            .Argument<NonNullGraphType<IdGraphType>>("productId")
            .Argument<NonNullGraphType<IntGraphType>>("delta")
            .ResolveAsync(async c =>
            {
                await c.RequirePermissionAsync(Permissions.CatalogWrite);
                return await Admin.AdjustStockAsync(c.GetArgument<string>("productId"), c.GetArgument<int>("delta"));
            });

        mutation.Field<NonNullGraphType<ProductPayloadGraphType>>("removeProduct")
            .Audited()
            .Description("Takes the product off the catalog: nobody finds, favourites or buys it; orders and carts that hold it still show it. upsertProduct puts it back.")
            .Argument<NonNullGraphType<IdGraphType>>("productId")
            .ResolveAsync(async c =>
            {
                await c.RequirePermissionAsync(Permissions.CatalogWrite);
                return await Admin.RemoveProductAsync(c.GetArgument<string>("productId"));
            });
    }
}
