using System.Text.Json;
using EShop.Customers;
using EShop.GraphQLGateway.Shared;
using EShop.Shared;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace EShop.GraphQLGateway.Customers;

// Staff operations go to the audit log, refused ones included: who (the token's subject), what (the field), to what
// (its arguments; none here carries a secret), when, from where (the client's address) and how it ended ("ok", the
// user errors' codes, or the error's code).
public sealed class AuditedResolver(IFieldResolver inner, string action) : IFieldResolver
{

    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        try
        {
            var result = await inner.ResolveAsync(context);
            await RecordAsync(context, result is IUserErrors { Errors: { IsDefaultOrEmpty: false } errors } ? string.Join(',', errors.Select(e => e.Code)) : "ok");
            return result;
        }
        catch (ExecutionError error)
        {
            await RecordAsync(context, error.Code ?? "ERROR");
            throw;
        }
    }

    private async Task RecordAsync(IResolveFieldContext context, string outcome)
    {
        var services = context.RequestServices!;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var target = JsonSerializer.Serialize(context.Arguments?.ToDictionary(a => a.Key, a => a.Value.Value) ?? []);
        var from = services.GetService<IHttpContextAccessor>()?.HttpContext?.Connection.RemoteIpAddress?.ToString();
        await services.GetRequiredService<IGrainFactory>().GetGrain<IAuditLogGrain>(IAuditLogGrain.DayOf(now))
            .RecordAsync(new AuditEntry(now, context.CustomerId(), action, target, from, outcome));
    }
}

public static class Audit
{
    private const string Metadata = "eshop.audited";

    // Marks a mutation for the audit log; the Mutation type wraps the marked ones once all are added.
    public static FieldBuilder<TSource, TReturn> Audited<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        field.FieldType.Metadata[Metadata] = true;
        return field;
    }

    public static void WrapAudited(this IComplexGraphType type)
    {
        foreach (var field in type.Fields.Where(f => f.GetMetadata(Metadata, false) && f.Resolver is not null))
        {
            field.Resolver = new AuditedResolver(field.Resolver!, field.Name);
        }
    }
}
