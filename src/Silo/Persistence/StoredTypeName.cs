using System.Collections.Concurrent;
using System.Reflection;

namespace EShop.Silo.Persistence;

// The name a state type is stored under: its [Alias] when it has one (ours all do), otherwise the short name of a
// framework type, with generic arguments named the same way: "TransactionalStateRecord<eshop.carts.CartState>".
public static class StoredTypeName
{
    private static readonly ConcurrentDictionary<Type, string> Names = new();

    public static string Of(Type type) => Names.GetOrAdd(type, Compute);

    private static string Compute(Type type)
    {
        if (type.GetCustomAttribute<AliasAttribute>(inherit: false) is { } alias)
        {
            return alias.Alias;
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var name = type.Name[..type.Name.IndexOf('`')];
        return $"{name}<{string.Join(',', type.GetGenericArguments().Select(Of))}>";
    }
}
