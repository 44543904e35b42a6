using System.Net.Http.Headers;
using System.Text;
using EShop.Customers;
using EShop.Shared;
using Microsoft.Extensions.Caching.Memory;

namespace EShop.Silo.Hosting;

// The dashboard shows every grain, and its Trace page streams the silo's log: it is for administrators. A browser
// asks for a user name and password (HTTP Basic) and the silo signs in with them as the storefront does
// (IAccountsGrain, so wrong passwords count towards the address's lockout); the account must hold the ADMIN role.
// The dashboard polls every second, so an admission is remembered for a minute by a hash of the credentials.
// Over anything but loopback, serve the silo over TLS: Basic sends the password with every request.
public static class DashboardAuthentication
{
    private const string Realm = "Basic realm=\"EShop silo dashboard\", charset=\"UTF-8\"";
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(1);

    public static WebApplication RequireAdminForDashboard(this WebApplication app, string path)
    {
        var admitted = new MemoryCache(new MemoryCacheOptions { SizeLimit = 1_000 });
        app.UseWhen(http => http.Request.Path.StartsWithSegments(path), branch => branch.Use(async (http, next) =>
        {
            if (await IsAdminAsync(http, admitted))
            {
                await next(http);
                return;
            }

            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = Realm;
        }));
        return app;
    }

    private static async Task<bool> IsAdminAsync(HttpContext http, MemoryCache admitted)
    {
        if (!AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var header)
            || !"Basic".Equals(header.Scheme, StringComparison.OrdinalIgnoreCase) || header.Parameter is not { Length: <= 2048 } parameter)
        {
            return false;
        }

        var key = Digest.Hex(parameter);
        if (admitted.TryGetValue(key, out _))
        {
            return true;
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = credentials.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        var grains = http.RequestServices.GetRequiredService<IGrainFactory>();
        var signedIn = await grains.GetGrain<IAccountsGrain>(0).SignInAsync(credentials[..colon], credentials[(colon + 1)..]);
        if (signedIn.Value?.Roles.Contains(Role.Admin) != true)
        {
            return false;
        }

        admitted.Set(key, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Remember });
        return true;
    }
}
