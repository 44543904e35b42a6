using EShop.Customers;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Customers;

public sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "One staff operation, refused ones included.";
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At.UtcDateTime);
        Field<IdGraphType>("actorId").Description("The customer id of who did it; null when anonymous.").Resolve(c => c.Source.ActorId?.ToString());
        Field(e => e.Action).Description("The mutation.");
        Field(e => e.Target).Description("Its arguments, as JSON.");
        Field(e => e.From, nullable: true).Description("The client's address.");
        Field(e => e.Outcome).Description("\"ok\", or the codes it ended with.");
    }
}
