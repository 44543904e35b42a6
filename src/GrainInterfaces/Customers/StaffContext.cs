namespace EShop.Customers;

/// <summary>
/// The permission a call is made with, carried in Orleans' request context along the whole call chain. The gateway
/// sets it once it has checked the caller's roles; the shop's own jobs (start-up tasks) act as <see cref="System"/>.
/// Grain methods marked <see cref="RequiresPermissionAttribute"/> refuse calls made without it, so the gateway is not the
/// only line: a grain that calls another, or a client of the cluster, cannot do staff work unasked.
/// </summary>
public static class StaffContext
{
    public const string Key = "eshop.permission";
    public const string System = "system";

    public static void Grant(string permission) => RequestContext.Set(Key, permission);

    public static bool Holds(string permission) => RequestContext.Get(Key) is string held && (held == permission || held == System);
}

/// <summary>The permission (<see cref="Permissions"/>) a call to this grain method must carry (<see cref="StaffContext"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresPermissionAttribute(string permission) : Attribute
{
    public string Permission { get; } = permission;
}
