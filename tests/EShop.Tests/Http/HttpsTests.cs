using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using EShop.Tests.Durable;
using EShop.Tests.Shared;

namespace EShop.Tests.Http;

// The gateway over HTTPS with a certificate from configuration (Kestrel's own settings, as run-shop.sh --tls sets
// them), started as a host process the way an operator starts it.
[Collection(GatewayCollection.Name)]
public sealed class HttpsTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Gateway_ServesGraphQLOverHttps_WithTheConfiguredCertificate()
    {
        using var certificate = SelfSigned();
        var path = Path.Combine(Path.GetTempPath(), $"eshop-test-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "test-password"));
        var httpsPort = HostProcess.FreePort();
        try
        {
            await using var gateway = await HostProcess.StartAsync("GraphQLGateway", new Dictionary<string, string>
            {
                ["Orleans__GatewayPort"] = fixture.Cluster.Primary!.GatewayAddress!.Endpoint.Port.ToString(),
                ["Orleans__ServiceId"] = fixture.Cluster.Options.ServiceId,
                ["Orleans__ClusterId"] = fixture.Cluster.Options.ClusterId,
                ["EShop__Jwt__SigningKey"] = "an https-test signing key that is long enough",
                ["Urls"] = $"https://127.0.0.1:{httpsPort}",
                ["Kestrel__Certificates__Default__Path"] = path,
                ["Kestrel__Certificates__Default__Password"] = "test-password",
                ["Logging__LogLevel__Default"] = "Warning",
            });
            X509Certificate2? presented = null;
            using var http = new HttpClient(new HttpClientHandler
            {
                // Trusts exactly this certificate, and records what the server presented.
                ServerCertificateCustomValidationCallback = (_, cert, _, _) => (presented = cert is null ? null : new X509Certificate2(cert)) is not null && cert!.Thumbprint == certificate.Thumbprint,
            });

            using var response = await http.PostAsJsonAsync($"https://127.0.0.1:{httpsPort}/graphql", new { query = "{ categories { id } }" });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(JsonValueKind.Array, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("categories").ValueKind);
            Assert.Equal(certificate.Thumbprint, presented?.Thumbprint);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
