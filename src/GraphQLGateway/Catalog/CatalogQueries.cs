using EShop.Catalog;
using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using GraphQL;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Catalog;

public sealed class CatalogQueries(ICatalogGrain catalog) : IQueryFields
{

    public void AddTo(ObjectGraphType query)
    {
        query.Field<ProductGraphType>("product")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await catalog.GetProductAsync(c.GetArgument<string>("id")));

        query.Field<NonNullGraphType<ProductConnectionGraphType>>("products")
            .Description(
                "Browse and search the catalog. search matches products whose name or description contains every word; " +
                "minPrice, maxPrice and the PRICE sorts use the salePrice customers pay; inStock: true keeps products with stock, " +
                "false those without. first is at most 100; search at most " + ProductQuery.MaxSearchLength + " characters and " +
                ProductQuery.MaxTerms + " words. RELEVANCE ranks name matches first, then by name.")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 20)
            .Argument<StringGraphType>("after")
            .Argument<StringGraphType>("search")
            .Argument<IdGraphType>("categoryId")
            .Argument<DecimalGraphType>("minPrice")
            .Argument<DecimalGraphType>("maxPrice")
            .Argument<BooleanGraphType>("inStock")
            .Argument<ProductSortGraphType>("sort", a => a.DefaultValue = ProductSort.Relevance)
            .ResolveAsync(async c =>
            {
                var (offset, limit) = Cursor.Page(c.GetArgument<int?>("first") ?? 20, c.GetArgument<string?>("after"));
                var search = c.GetArgument<string?>("search");
                if (search?.Length > ProductQuery.MaxSearchLength || ProductQuery.Terms(search).Length > ProductQuery.MaxTerms)
                {
                    throw new ExecutionError($"search takes at most {ProductQuery.MaxSearchLength} characters and {ProductQuery.MaxTerms} words.") { Code = "BAD_USER_INPUT" };
                }

                var page = await catalog.SearchAsync(new ProductQuery(
                    search,
                    c.GetArgument<string?>("categoryId"),
                    c.GetArgument<decimal?>("minPrice"),
                    c.GetArgument<decimal?>("maxPrice"),
                    c.GetArgument<bool?>("inStock"),
                    c.GetArgument<ProductSort?>("sort") ?? ProductSort.Relevance,
                    offset,
                    limit));
                return Connection<ProductSnapshot>.Of(page.Items, page.Offset, page.TotalCount);
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryGraphType>>>>("categories")
            .ResolveAsync(async _ => await catalog.GetCategoriesAsync());
    }
}
