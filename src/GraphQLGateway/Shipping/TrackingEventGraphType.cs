using EShop.Shipping;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Shipping;

public sealed class TrackingEventGraphType : ObjectGraphType<TrackingEvent>
{
    public TrackingEventGraphType()
    {
        Field<NonNullGraphType<ShipmentStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At.UtcDateTime);
        Field(e => e.Location, nullable: true);
    }
}
