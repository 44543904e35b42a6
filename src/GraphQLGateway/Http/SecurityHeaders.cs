namespace EShop.GraphQLGateway.Http;

// Headers every response carries. The API answers JSON that nothing should sniff, frame or cache (answers carry
// tokens and personal data); the one page, GraphiQL, loads only its own scripts and styles from this host and talks
// only to it. HSTS goes out on HTTPS responses outside Development (UseHsts), so a browser that once reached the shop
// over TLS does not fall back to plain HTTP.
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return next(http);
        });
        return app;
    }
}
