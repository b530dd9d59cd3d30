package dev.oab.bundle;

import dev.oab.authoring.AuthoringException;
import dev.oab.signing.EcCurve;
import dev.oab.signing.ModelSigner;
import dev.oab.signing.PemKeys;
import dev.oab.signing.SignatureVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the Maven plugin and the CLI share: mapped files, build timestamps and the consumer's check. */
class FrontEndApiTest {

    static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    private Path weights(String content) throws Exception {
        Path file = tmp.resolve("build/weights-" + content.hashCode() + ".bin");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    @Test
    void filesMappedFromOutsideTheSourceDirAreBundledHashedAndCountedInComponents() throws Exception {
        Path src = TestTrees.conventional(tmp.resolve("src"));
        Files.delete(src.resolve("model/model.safetensors"));
        Path extra = weights("trained elsewhere");
        Path out = tmp.resolve("b.oab");
        BundleWriter.builder().timestamp(TIME).build()
                .write(BundlePlan.of(src, Map.of("model/weights.bin", extra), Optional.of(TIME)), out);
        try (BundleReader reader = BundleReader.open(out)) {
            Manifest.FileEntry entry = reader.manifest().files().stream()
                    .filter(f -> f.path().equals("model/weights.bin")).findFirst().orElseThrow();
            assertEquals(ConformanceVectors.sha256(Files.readAllBytes(extra)), entry.sha256());
            assertTrue(reader.manifest().components().stream()
                    .anyMatch(c -> c.id().equals("model-parameters-final") && c.paths().equals(List.of("model/"))));
            assertTrue(BundleVerifier.create().verify(reader).intact());
        }
    }

    @Test
    void mappedFilesMayNotCollideOrTakeReservedOrBadPaths() throws Exception {
        Path src = TestTrees.conventional(tmp.resolve("src"));
        Path extra = weights("x");
        AuthoringException collision = assertThrows(AuthoringException.class,
                () -> BundlePlan.of(src, Map.of("MODEL/model.safetensors", extra), Optional.empty()));
        assertTrue(collision.getMessage().contains("collides with model/model.safetensors"), collision.getMessage());
        AuthoringException reserved = assertThrows(AuthoringException.class,
                () -> BundlePlan.of(src, Map.of("oab.json", extra), Optional.empty()));
        assertTrue(reserved.getMessage().contains("oab.json (from " + extra + ") is reserved"), reserved.getMessage());
        AuthoringException dotdot = assertThrows(AuthoringException.class,
                () -> BundlePlan.of(src, Map.of("../escape.bin", extra), Optional.empty()));
        assertTrue(dotdot.getMessage().contains("../escape.bin"), dotdot.getMessage());
        AuthoringException missing = assertThrows(AuthoringException.class,
                () -> BundlePlan.of(src, Map.of("model/w.bin", tmp.resolve("nope.bin")), Optional.empty()));
        assertTrue(missing.getMessage().contains("nope.bin does not exist"), missing.getMessage());
    }

    @Test
    void buildTimestampsAreRfc3339OrEpochSeconds() throws Exception {
        assertEquals(Optional.of(TIME), BuildTimestamp.parse("2026-01-01T00:00:00Z", "t"));
        assertEquals(Optional.of(TIME), BuildTimestamp.parse("2026-01-01T01:00:00+01:00", "t"));
        assertEquals(Optional.of(TIME), BuildTimestamp.parse("1767225600", "t"));
        assertEquals(Optional.empty(), BuildTimestamp.parse(" ", "t"));
        AuthoringException bad = assertThrows(AuthoringException.class, () -> BuildTimestamp.parse("soon", "--timestamp"));
        assertTrue(bad.getMessage().startsWith("--timestamp 'soon' is neither RFC 3339"), bad.getMessage());
    }

    @Test
    void bundleCheckAcceptsTheTrustedSignerExtractsAndRefusesOthers() throws Exception {
        Path src = TestTrees.conventional(tmp.resolve("src"));
        KeyPair producer = PemKeys.generate(EcCurve.P256);
        KeyPair stranger = PemKeys.generate(EcCurve.P256);
        Path bundle = tmp.resolve("b.oab");
        BundleWriter.builder().timestamp(TIME).signWith(ModelSigner.withKey(producer.getPrivate()), "producer").build()
                .pack(src, bundle);

        Path target = tmp.resolve("out");
        BundleCheck.Result ok = BundleCheck.builder()
                .policy(TrustPolicy.ofKeys(Map.of("producer", producer.getPublic()))).build().check(bundle, target);
        assertTrue(ok.passed(), ok.problems().toString());
        assertTrue(Files.isRegularFile(target.resolve("model/model.safetensors")));

        BundleCheck.Result again = BundleCheck.builder().replaceExtracted(true)
                .policy(TrustPolicy.ofKeys(Map.of("producer", producer.getPublic()))).build().check(bundle, target);
        assertTrue(again.passed(), again.problems().toString());
        assertTrue(Files.isRegularFile(target.resolve("model/model.safetensors")));
        try (var siblings = Files.list(tmp)) {
            assertEquals(List.of(), siblings.filter(p -> p.getFileName().toString().startsWith(".out")).toList());
        }
        assertThrows(BundleExtractor.ExtractionTargetException.class, () -> BundleCheck.builder().build().check(bundle, target));

        Path refusedTarget = tmp.resolve("refused");
        BundleCheck.Result untrusted = BundleCheck.builder()
                .policy(TrustPolicy.ofKeys(Map.of("stranger", stranger.getPublic()))).build().check(bundle, refusedTarget);
        assertFalse(untrusted.passed());
        assertEquals("signature.none-trusted", untrusted.problems().get(untrusted.problems().size() - 1).code());
        assertFalse(Files.exists(refusedTarget));

        BundleCheck.Result wrongName = BundleCheck.builder()
                .policy(TrustPolicy.ofKeys(Map.of()).requiring(Optional.of("other"), Optional.empty())).build().check(bundle);
        assertEquals(List.of("bundle.wrong-name"), wrongName.problems().stream().map(Problem::code).toList());

        byte[] bytes = Files.readAllBytes(bundle);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("java.util.Random");
        bytes[at] ^= 1;
        Files.write(bundle, bytes);
        BundleCheck.Result tampered = BundleCheck.builder()
                .policy(TrustPolicy.ofKeys(Map.of("producer", producer.getPublic()))).build().check(bundle);
        assertFalse(tampered.passed());
        assertTrue(tampered.problems().stream().anyMatch(p -> p.where().equals("config/seeds.json")),
                tampered.problems().toString());
    }
}
