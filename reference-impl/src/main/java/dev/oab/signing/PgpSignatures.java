package dev.oab.signing;

import dev.oab.OabException;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.PGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyEncryptorBuilder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;

/**
 * OpenPGP detached signatures ({@code .asc}) over whole files, the form Maven Central and
 * {@code gpg --verify} expect. Keys are ECDSA P-256 with SHA-256 signatures, which GnuPG 2.1+
 * reads.
 */
public final class PgpSignatures {

    /** An armored OpenPGP key pair: the secret key ring (to keep) and the public key ring (to publish). */
    public static final class ArmoredKeyPair {
        private final byte[] secretKey;
        private final byte[] publicKey;

        ArmoredKeyPair(byte[] secretKey, byte[] publicKey) {
            this.secretKey = secretKey;
            this.publicKey = publicKey;
        }

        public byte[] secretKey() {
            return secretKey.clone();
        }

        public byte[] publicKey() {
            return publicKey.clone();
        }
    }

    private PgpSignatures() {
    }

    /**
     * Generates an ECDSA P-256 signing key with one user id.
     *
     * @param passphrase protects the secret key (AES-256, iterated-salted S2K); null or empty for none
     */
    public static ArmoredKeyPair generateKey(String userId, char[] passphrase, Instant creationTime) throws OabException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Providers.BC);
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            JcaPGPKeyPair pair = new JcaPGPKeyPair(PublicKeyAlgorithmTags.ECDSA, generator.generateKeyPair(),
                    Date.from(creationTime));
            PGPDigestCalculatorProvider digests = new JcaPGPDigestCalculatorProviderBuilder().setProvider(Providers.BC).build();

            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            hashed.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA256, HashAlgorithmTags.SHA512});
            hashed.setPreferredSymmetricAlgorithms(false, new int[] {SymmetricKeyAlgorithmTags.AES_256});
            hashed.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);

            PBESecretKeyEncryptor encryptor = passphrase == null || passphrase.length == 0 ? null
                    : new JcePBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256,
                            digests.get(HashAlgorithmTags.SHA256)).setProvider(Providers.BC).build(passphrase);
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, userId,
                    digests.get(HashAlgorithmTags.SHA1), hashed.generate(), null,
                    new JcaPGPContentSignerBuilder(PublicKeyAlgorithmTags.ECDSA, HashAlgorithmTags.SHA256)
                            .setProvider(Providers.BC),
                    encryptor);
            ByteArrayOutputStream secret = new ByteArrayOutputStream();
            try (ArmoredOutputStream out = armor(secret)) {
                rings.generateSecretKeyRing().encode(out);
            }
            ByteArrayOutputStream pub = new ByteArrayOutputStream();
            try (ArmoredOutputStream out = armor(pub)) {
                rings.generatePublicKeyRing().encode(out);
            }
            return new ArmoredKeyPair(secret.toByteArray(), pub.toByteArray());
        } catch (PGPException | GeneralSecurityException | IOException e) {
            throw new OabException(OabException.Category.IO, "cannot generate an OpenPGP key: " + e.getMessage(), e);
        }
    }

    /**
     * Signs {@code file} with the first signing-capable key of {@code armoredSecretKey} and
     * returns the ASCII-armored detached signature (binary-document type).
     */
    public static byte[] signDetached(Path file, byte[] armoredSecretKey, char[] passphrase, Instant signingTime)
            throws OabException {
        PGPSecretKey secretKey = signingKey(armoredSecretKey);
        PGPPrivateKey privateKey = unlock(secretKey, passphrase);
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new JcaPGPContentSignerBuilder(secretKey.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256)
                            .setProvider(Providers.BC), secretKey.getPublicKey());
            generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, Date.from(signingTime));
            hashed.setIssuerFingerprint(false, secretKey);
            generator.setHashedSubpackets(hashed.generate());
            feed(file, generator::update);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ArmoredOutputStream armored = armor(out)) {
                generator.generate().encode(armored);
            }
            return out.toByteArray();
        } catch (PGPException e) {
            throw new OabException(OabException.Category.IO, "OpenPGP signing of " + file + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new OabException(OabException.Category.IO, "cannot read " + file + ": " + e, e);
        }
    }

    /**
     * Verifies a detached signature over {@code file} against the armored public key(s).
     *
     * @throws SignatureException {@code WRONG_KEY} when no given key made the signature,
     *     {@code BAD_SIGNATURE} when the file or signature was altered
     */
    public static void verifyDetached(Path file, byte[] armoredSignature, byte[] armoredPublicKey) throws OabException {
        PGPPublicKeyRingCollection keys;
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armoredPublicKey))) {
            keys = new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator());
        } catch (IOException | PGPException e) {
            throw new KeyException(KeyException.Reason.BAD_PGP_KEY, "the OpenPGP public key is not readable: " + e.getMessage(), e);
        }
        PGPSignature signature = readSignature(armoredSignature);
        try {
            PGPPublicKey key = keys.getPublicKey(signature.getKeyID());
            if (key == null) {
                throw new SignatureException(SignatureException.Reason.WRONG_KEY, String.format(
                        "the OpenPGP signature was made by key %016X, which is not among the given public keys",
                        signature.getKeyID()));
            }
            signature.init(new JcaPGPContentVerifierBuilderProvider().setProvider(Providers.BC), key);
            feed(file, signature::update);
            if (!signature.verify()) {
                throw new SignatureException(SignatureException.Reason.BAD_SIGNATURE,
                        "the OpenPGP signature does not match " + file + "; the file or its signature was altered");
            }
        } catch (PGPException e) {
            throw new SignatureException(SignatureException.Reason.BAD_SIGNATURE,
                    "the OpenPGP signature cannot be checked: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new OabException(OabException.Category.IO, "cannot read " + file + ": " + e, e);
        }
    }

    private static PGPSignature readSignature(byte[] armoredSignature) throws SignatureException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armoredSignature))) {
            Object object = new JcaPGPObjectFactory(in).nextObject();
            if (object instanceof PGPSignatureList && !((PGPSignatureList) object).isEmpty()) {
                return ((PGPSignatureList) object).get(0);
            }
        } catch (IOException e) {
            throw new SignatureException(SignatureException.Reason.MALFORMED_BUNDLE,
                    "the OpenPGP signature is not readable: " + e.getMessage(), e);
        }
        throw new SignatureException(SignatureException.Reason.MALFORMED_BUNDLE,
                "the file holds no OpenPGP signature packet; expected a detached .asc signature");
    }

    private static PGPSecretKey signingKey(byte[] armoredSecretKey) throws KeyException {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(armoredSecretKey))) {
            PGPSecretKeyRingCollection rings = new PGPSecretKeyRingCollection(in, new JcaKeyFingerprintCalculator());
            for (Iterator<PGPSecretKeyRing> r = rings.getKeyRings(); r.hasNext(); ) {
                for (Iterator<PGPSecretKey> k = r.next().getSecretKeys(); k.hasNext(); ) {
                    PGPSecretKey key = k.next();
                    if (key.isSigningKey() && !key.isPrivateKeyEmpty()) {
                        return key;
                    }
                }
            }
        } catch (IOException | PGPException e) {
            throw new KeyException(KeyException.Reason.BAD_PGP_KEY,
                    "the OpenPGP secret key is not readable: " + e.getMessage()
                            + "; export it with 'gpg --armor --export-secret-keys'", e);
        }
        throw new KeyException(KeyException.Reason.BAD_PGP_KEY, "the OpenPGP key ring holds no secret signing key");
    }

    private static PGPPrivateKey unlock(PGPSecretKey key, char[] passphrase) throws KeyException {
        try {
            if (key.getKeyEncryptionAlgorithm() == SymmetricKeyAlgorithmTags.NULL) {
                return key.extractPrivateKey(null);
            }
            if (passphrase == null || passphrase.length == 0) {
                throw new KeyException(KeyException.Reason.PASSPHRASE_REQUIRED,
                        "the OpenPGP secret key is protected; give its passphrase (OAB_KEY_PASSPHRASE)");
            }
            return key.extractPrivateKey(new JcePBESecretKeyDecryptorBuilder(
                    new JcaPGPDigestCalculatorProviderBuilder().setProvider(Providers.BC).build())
                    .setProvider(Providers.BC).build(passphrase));
        } catch (PGPException e) {
            throw new KeyException(KeyException.Reason.WRONG_PASSPHRASE,
                    "the passphrase does not unlock the OpenPGP secret key; check OAB_KEY_PASSPHRASE", e);
        }
    }

    /** No "Version:" header: the armor then depends only on the key or signature bytes. */
    private static ArmoredOutputStream armor(OutputStream out) {
        return ArmoredOutputStream.builder().clearHeaders().build(out);
    }

    private interface Sink {
        void update(byte[] bytes, int offset, int length);
    }

    private static void feed(Path file, Sink sink) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sink.update(buffer, 0, n);
            }
        }
    }
}
