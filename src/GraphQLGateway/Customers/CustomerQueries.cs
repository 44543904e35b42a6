using EShop.Customers;
using EShop.GraphQLGateway.Schema;
using EShop.GraphQLGateway.Shared;
using GraphQL;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Customers;

public sealed class CustomerQueries(IGrainFactory grains, TimeProvider time) : IQueryFields
{
    private const int MaxAuditEntries = 500, AuditDays = 31;

    public void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AuditEntryGraphType>>>>("auditLog")
            .Description($"Staff operations, newest first, over the last {AuditDays} days (audit:read, ADMIN); first at most {MaxAuditEntries}.")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = 50)
            .ResolveAsync(async c =>
            {
                await c.RequirePermissionAsync(Permissions.AuditRead);
                var first = c.First(MaxAuditEntries);

                var entries = new List<AuditEntry>();
                for (var day = time.GetUtcNow(); entries.Count < first && day > time.GetUtcNow().AddDays(-AuditDays); day = day.AddDays(-1))
                {
                    entries.AddRange(await grains.GetGrain<IAuditLogGrain>(IAuditLogGrain.DayOf(day)).GetEntriesAsync());
                }

                return entries.Take(first);
            });

        query.Field<CustomerGraphType>("me")
            .Description("The signed-in customer; null when anonymous.")
            .ResolveAsync(async c => c.CustomerId() is { } id ? await grains.GetGrain<ICustomerGrain>(id).GetAsync() : null);
    }
}
