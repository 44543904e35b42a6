using EShop.GraphQLGateway.Customers;
using EShop.Customers;
using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using EShop.Ordering;
using EShop.Shipping;
using GraphQL;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Shipping;

public sealed class ShippingMutations(IGrainFactory grains) : IMutationFields
{
    public void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ShipmentGraphType>>("advanceShipment")
            .Audited()
            .Description("Moves a shipment by hand, EXCEPTION included (ADMIN). Statuses never go backwards: a step back is an INVALID_STATE error; an unknown tracking number NOT_FOUND.")
            .Argument<NonNullGraphType<StringGraphType>>("trackingNumber")
            .Argument<NonNullGraphType<ShipmentStatusGraphType>>("status")
            .Argument<StringGraphType>("location")
            .ResolveAsync(async c =>
            {
                await c.RequirePermissionAsync(Permissions.ShipmentsWrite);
                var location = c.GetArgument<string?>("location");
                if (location?.Length > 200)
                {
                    throw new ExecutionError("location must be at most 200 characters.") { Code = EShop.Shared.ErrorCodes.InvalidInput };
                }

                if (await grains.FindShipmentAsync(c.GetArgument<string>("trackingNumber")) is not { } shipment)
                {
                    throw new ExecutionError("No shipment has this tracking number.") { Code = EShop.Shared.ErrorCodes.NotFound };
                }

                var moved = await grains.GetGrain<IOrderProcessGrain>(shipment.OrderId).AdvanceShipmentAsync(c.GetArgument<ShipmentStatus>("status"), location);
                return moved.Succeeded ? moved.Value : throw moved.Errors.ToExecutionError();
            });
    }
}
