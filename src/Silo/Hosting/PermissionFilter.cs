using System.Collections.Concurrent;
using System.Reflection;
using EShop.Customers;

namespace EShop.Silo.Hosting;

// Refuses a call to a grain method marked [RequiresPermission] unless the call carries that permission
// (StaffContext). Every grain call passes here, so what each method requires is looked up once.
public sealed class PermissionFilter : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<MethodInfo, string?> Required = new();

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var required = Required.GetOrAdd(context.InterfaceMethod, m => m.GetCustomAttribute<RequiresPermissionAttribute>()?.Permission);
        return required is null || StaffContext.Holds(required)
            ? context.Invoke()
            : throw new UnauthorizedAccessException($"{context.InterfaceMethod.DeclaringType?.Name}.{context.InterfaceMethod.Name} needs the permission {required}.");
    }
}
