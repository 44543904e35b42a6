using EShop.Customers;
using Microsoft.Extensions.Options;

namespace EShop.Silo.Hosting;

// Creates the configured administrator, or gives the existing account the ADMIN role, when a silo starts.
public sealed partial class AdminBootstrapTask(IGrainFactory grains, IOptions<AdminOptions> options, ILogger<AdminBootstrapTask> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        var admin = options.Value;
        if (string.IsNullOrWhiteSpace(admin.Email) || string.IsNullOrEmpty(admin.Password))
        {
            LogNoAdmin(logger);
            return;
        }

        StaffContext.Grant(StaffContext.System);
        var result = await grains.GetGrain<IAccountsGrain>(0).EnsureAdminAsync(new SignUp(admin.Email, admin.Password, admin.Name));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The administrator in {AdminOptions.Section} is not valid: {string.Join("; ", result.Errors.Select(e => e.Message))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No administrator is configured: set EShop__Admin__Email and EShop__Admin__Password to manage the catalog.")]
    private static partial void LogNoAdmin(ILogger logger);
}
