using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EShop.Tests.Shared;

// Certificates of the test's own, as a PKCS#12 file a host reads from configuration.
public sealed class TestCertificates : IDisposable
{
    public const string Password = "test-password";

    private TestCertificates(X509Certificate2 certificate, string path) => (Certificate, Path) = (certificate, path);

    public X509Certificate2 Certificate { get; }

    public string Path { get; }

    // Self-signed, for 127.0.0.1, good for server and client authentication.
    public static TestCertificates SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"eshop-test-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return new TestCertificates(certificate, path);
    }

    public void Dispose()
    {
        File.Delete(Path);
        Certificate.Dispose();
    }
}
