using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;

namespace EShop.ServiceDefaults;

// TLS on Orleans' own connections, silo to silo and gateway to silo, when Orleans:Tls:CertificatePath names a PKCS#12
// file (Orleans:Tls:CertificatePassword its password). A cluster is one trust domain: every silo and gateway presents
// the cluster's certificate and accepts no other (its thumbprint, pinned), whoever signed it, so a self-signed one
// serves and nothing outside the cluster can join or listen in. Silos and gateways read the same settings.
public static class ClusterTls
{
    public const string Section = "Orleans:Tls";

    public static X509Certificate2? Certificate(IConfiguration configuration) =>
        configuration[$"{Section}:CertificatePath"] is { Length: > 0 } path
            ? X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{Section}:CertificatePassword"])
            : null;

    public static void Configure(TlsOptions options, X509Certificate2 certificate)
    {
        options.LocalCertificate = certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (remote, _, _) => remote.Thumbprint == certificate.Thumbprint;
    }
}
