using System.Collections.Concurrent;

namespace EShop.Sandbox.Mail;

// A mail server's sending API, as the shop calls one: messages are accepted and kept, never delivered. GET
// /mail/v1/messages?to=<address> is what a mailbox would have received, newest first, for tests and for a developer
// to read the link a customer would click.
internal static class MailEndpoints
{
    public static IEndpointRouteBuilder MapMail(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/mail/v1");
        api.MapPost("/messages", Send);
        api.MapGet("/messages", List);
        return endpoints;
    }

    private static async Task<IResult> Send(HttpRequest request, Mailbox mailbox, TimeProvider time)
    {
        var message = await SandboxJson.ReadAsync<OutgoingMail>(request);
        if (message is not { To.Length: > 0 and <= 254, Subject.Length: <= 500, Body.Length: <= 100_000 })
        {
            return Results.BadRequest(new ErrorBody("to, subject and body are required."));
        }

        mailbox.Add(message with { SentAt = time.GetUtcNow() });
        return Results.Accepted();
    }

    private static IResult List(string? to, Mailbox mailbox) => Results.Json(mailbox.For(to), SandboxJson.Options);
}

internal sealed record OutgoingMail(string To, string Subject, string Body, DateTimeOffset SentAt);

internal sealed class Mailbox
{
    private readonly ConcurrentQueue<OutgoingMail> _sent = new();

    public void Add(OutgoingMail message) => _sent.Enqueue(message);

    public IReadOnlyList<OutgoingMail> For(string? to) =>
        [.. _sent.Where(m => to is null || string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase)).Reverse()];
}
