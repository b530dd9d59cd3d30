package dev.oab.signing;

import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PemKeysTest {

    @TempDir
    Path temp;

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @Test
    void encryptedKeyPairFilesRoundTrip() throws Exception {
        KeyPair pair = PemKeys.generate(EcCurve.P384);
        KeyPairFiles files = KeyPairFiles.forPrefix(temp.resolve("release"));
        files.write(pair, PASSPHRASE);
        assertEquals("release.private.pem", files.privateKey().getFileName().toString());
        assertTrue(Files.readString(files.privateKey()).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.privateKey())));

        PrivateKey read = PemKeys.readPrivateKey(files.privateKey(), PASSPHRASE);
        assertArrayEquals(pair.getPrivate().getEncoded(), read.getEncoded());
        assertArrayEquals(pair.getPublic().getEncoded(), PemKeys.readPublicKey(files.publicKey()).getEncoded());

        assertEquals(KeyException.Reason.WRONG_PASSPHRASE, assertThrows(KeyException.class,
                () -> PemKeys.readPrivateKey(files.privateKey(), "wrong".toCharArray())).reason());
        assertEquals(KeyException.Reason.PASSPHRASE_REQUIRED, assertThrows(KeyException.class,
                () -> PemKeys.readPrivateKey(files.privateKey(), null)).reason());
        assertEquals(KeyException.Reason.OUTPUT_EXISTS, assertThrows(KeyException.class,
                () -> files.write(PemKeys.generate(EcCurve.P256), null)).reason());
    }

    @Test
    void unencryptedKeysOnEveryCurve() throws Exception {
        for (EcCurve curve : EcCurve.values()) {
            KeyPair pair = PemKeys.generate(curve);
            String pem = PemKeys.privateKeyPem(pair.getPrivate(), null);
            assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
            PrivateKey read = PemKeys.parsePrivateKey(pem.getBytes(StandardCharsets.US_ASCII), null, curve.cliName());
            assertEquals(curve, EcCurve.of(read));
        }
    }

    @Test
    void sec1PrivateKeyAfterCertToolTextIsRead() throws Exception {
        PrivateKey key = PemKeys.readPrivateKey(Vectors.referenceKey("signing-key.pem"), null);
        assertEquals(EcCurve.P384, EcCurve.of(key));
    }

    @Test
    void unsupportedCurveAndKeyType() throws Exception {
        KeyPairGenerator k1 = KeyPairGenerator.getInstance("EC", Providers.BC);
        k1.initialize(new ECGenParameterSpec("secp256k1"));
        byte[] k1Pem = pkcs8Pem(k1.generateKeyPair().getPrivate());
        assertEquals(KeyException.Reason.UNSUPPORTED_CURVE, assertThrows(KeyException.class,
                () -> PemKeys.parsePrivateKey(k1Pem, null, "k1.pem")).reason());

        byte[] rsaPem = Files.readAllBytes(Vectors.referenceKey("ca-priv.pem"));
        assertEquals(KeyException.Reason.UNSUPPORTED_KEY_TYPE, assertThrows(KeyException.class,
                () -> PemKeys.parsePrivateKey(rsaPem, null, "ca-priv.pem")).reason());

        assertEquals(KeyException.Reason.UNSUPPORTED_CURVE, assertThrows(KeyException.class,
                () -> EcCurve.fromName("p224")).reason());
        assertEquals(EcCurve.P521, EcCurve.fromName("P-521"));
    }

    @Test
    void malformedPem() {
        for (String text : new String[] {"", "just some text\n",
                "-----BEGIN PRIVATE KEY-----\nnot base64 !!\n-----END PRIVATE KEY-----\n",
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"}) {
            KeyException e = assertThrows(KeyException.class,
                    () -> PemKeys.parsePrivateKey(text.getBytes(StandardCharsets.US_ASCII), null, "key.pem"));
            assertEquals(KeyException.Reason.MALFORMED_PEM, e.reason(), text);
            assertTrue(e.getMessage().contains("key.pem"));
        }
    }

    @Test
    void publicWherePrivateBelongsAndViceVersa() throws Exception {
        KeyException e = assertThrows(KeyException.class,
                () -> PemKeys.readPrivateKey(Vectors.referenceKey("signing-key-pub.pem"), null));
        assertEquals(KeyException.Reason.NOT_A_PRIVATE_KEY, e.reason());
        assertEquals(KeyException.Reason.NOT_A_PRIVATE_KEY, assertThrows(KeyException.class,
                () -> PemKeys.readPrivateKey(Vectors.referenceKey("signing-key-cert.pem"), null)).reason());
        assertEquals(KeyException.Reason.NOT_A_PUBLIC_KEY, assertThrows(KeyException.class,
                () -> PemKeys.readPublicKey(Vectors.referenceKey("signing-key.pem"))).reason());
        assertEquals(KeyException.Reason.NOT_A_CERTIFICATE, assertThrows(KeyException.class,
                () -> PemKeys.readCertificates(Vectors.referenceKey("signing-key-pub.pem"))).reason());
    }

    @Test
    void certificatesAreReadInFileOrder() throws Exception {
        String both = Files.readString(Vectors.referenceKey("int-ca-cert.pem")) + Files.readString(Vectors.referenceKey("ca-cert.pem"));
        Path file = temp.resolve("chain.pem");
        Files.writeString(file, both);
        var certs = PemKeys.readCertificates(file);
        assertEquals(2, certs.size());
        assertEquals("CN=intermediate-ca", certs.get(0).getSubjectX500Principal().getName());
        assertEquals("CN=root-ca", certs.get(1).getSubjectX500Principal().getName());
    }

    private static byte[] pkcs8Pem(PrivateKey key) throws Exception {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new JcaPKCS8Generator(key, null).generate());
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
