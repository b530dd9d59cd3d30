package dev.oab.signing;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/** Test PKI built with bcpkix: CAs and leaves with chosen usages and validity. */
public final class TestKeys {

    private TestKeys() {
    }

    public static X509Certificate ca(String name, KeyPair keys, KeyPair issuerKeys, X509Certificate issuer) throws Exception {
        JcaX509v3CertificateBuilder builder = builder(name, keys.getPublic(), issuer, Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(365, ChronoUnit.DAYS));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return sign(builder, issuerKeys);
    }

    public static X509Certificate leaf(String name, PublicKey key, KeyPair issuerKeys, X509Certificate issuer,
                                Integer keyUsage, KeyPurposeId eku, Instant notBefore, Instant notAfter) throws Exception {
        JcaX509v3CertificateBuilder builder = builder(name, key, issuer, notBefore, notAfter);
        if (keyUsage != null) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        }
        if (eku != null) {
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(eku));
        }
        return sign(builder, issuerKeys);
    }

    public static X509Certificate codeSigningLeaf(String name, PublicKey key, KeyPair issuerKeys, X509Certificate issuer)
            throws Exception {
        return leaf(name, key, issuerKeys, issuer, KeyUsage.digitalSignature, KeyPurposeId.id_kp_codeSigning,
                Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(30, ChronoUnit.DAYS));
    }

    private static JcaX509v3CertificateBuilder builder(String name, PublicKey key, X509Certificate issuer,
                                                       Instant notBefore, Instant notAfter) {
        X500Name subject = new X500Name("CN=" + name);
        X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        return new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(name.hashCode() & 0x7fffffffL),
                Date.from(notBefore), Date.from(notAfter), subject, key);
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair issuerKeys) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Providers.BC).build(issuerKeys.getPrivate())));
    }
}
