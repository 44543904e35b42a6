using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EShop.Tests.Durable;

namespace EShop.Tests.Observability;

// The silo's Orleans dashboard, on a silo host started as an operator would (Local profile): administrators only.
public sealed class DashboardTests
{
    private const string AdminEmail = "dashboard-admin@example.com", AdminPassword = "dashboard-password-1";

    [Fact]
    public async Task Dashboard_WithoutAnAdministratorsCredentials_Is401_AndWithThemIsServed()
    {
        await using var silo = await HostProcess.StartAsync("Silo", new Dictionary<string, string>
        {
            ["EShop__Profile"] = "Local",
            ["Orleans__SiloPort"] = HostProcess.FreePort().ToString(),
            ["Orleans__GatewayPort"] = HostProcess.FreePort().ToString(),
            ["EShop__DemoCatalog__Enabled"] = "false",
            ["EShop__Admin__Email"] = AdminEmail,
            ["EShop__Admin__Password"] = AdminPassword,
            ["Logging__LogLevel__Default"] = "Warning",
        });
        // Redirects are followed by hand: HttpClient drops the Authorization header on a redirect.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{silo.HttpPort}") };

        using var anonymous = await http.GetAsync("/dashboard");
        using var wrong = await GetAsync(http, "/dashboard", AdminEmail, "not-the-password");
        using var traceAnonymous = await http.GetAsync("/dashboard/Trace");

        using var admin = await GetAsync(http, "/dashboard", AdminEmail, AdminPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Basic", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, traceAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("<html", await admin.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string user, string password)
    {
        while (true)
        {
            var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, path)
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"))) },
            });
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is not { } location)
            {
                return response;
            }

            path = location.ToString();
            response.Dispose();
        }
    }
}
