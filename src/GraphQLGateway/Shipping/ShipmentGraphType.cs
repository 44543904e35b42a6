using EShop.Shipping;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Shipping;

public sealed class ShipmentGraphType : ObjectGraphType<ShipmentSnapshot>
{
    public ShipmentGraphType()
    {
        Field(s => s.TrackingNumber);
        Field(s => s.Carrier);
        Field<NonNullGraphType<ShipmentStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TrackingEventGraphType>>>>("events")
            .Description("Every tracking event, oldest first.")
            .Resolve(c => c.Source.Events);
    }
}
