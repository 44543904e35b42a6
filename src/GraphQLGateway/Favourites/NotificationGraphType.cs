using EShop.Favourites;
using EShop.GraphQLGateway.Catalog;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace EShop.GraphQLGateway.Favourites;

public sealed class NotificationGraphType : ObjectGraphType<Notification>
{
    public NotificationGraphType()
    {
        Description = "News about a favourite product: its sale price dropped, or it is back in stock.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<NotificationKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ProductGraphType>>("product")
            .Description("The product as it is now.")
            .Resolve(c => c.RequestServices!.GetRequiredService<ProductDataLoader>().Load(c.Source.ProductId));
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At.UtcDateTime);
        Field(n => n.Read);
        Field(n => n.Detail, nullable: true);
    }
}
