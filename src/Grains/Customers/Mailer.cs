using System.Net.Http.Json;

namespace EShop.Customers;

// Bound from EShop:Mail.
public sealed class MailOptions
{
    public const string Section = "EShop:Mail";

    // The mail server's sending API; unset, the silo's own sandbox keeps the messages (GET /mail/v1/messages).
    public Uri? Url { get; set; }

    // Where a link in a message points: the storefront page that takes the token.
    public string ConfirmEmailLink { get; set; } = "https://shop.example/confirm-email?token=";
}

public interface IMailer
{
    Task SendAsync(string to, string subject, string body);
}

// The mail server's HTTP API (src/Sandbox serves a sandbox one). The HttpClient comes with the silo's resilience pipeline.
public sealed class HttpMailer(HttpClient http) : IMailer
{
    public async Task SendAsync(string to, string subject, string body)
    {
        using var response = await http.PostAsJsonAsync("mail/v1/messages", new { to, subject, body });
        response.EnsureSuccessStatusCode();
    }
}
