package dev.oab.bundle;

import dev.oab.authoring.AuthoringException;
import dev.oab.authoring.AuthoringFile;
import dev.oab.authoring.ConventionalLayout;
import dev.oab.authoring.HuggingFaceLayout;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a pack will write, worked out before any byte is: the files in order, the components and
 * the manifest with every field but the digests. {@link BundleWriter} executes a plan; a dry run
 * just shows it.
 */
public final class BundlePlan {

    private static final String PENDING_DIGEST = "0".repeat(64);

    private final SourceTree tree;
    private final Manifest draft;

    private BundlePlan(SourceTree tree, Manifest draft) {
        this.tree = tree;
        this.draft = draft;
    }

    /** Plans a bundle of {@code sourceDir}, described by its authoring file. */
    public static BundlePlan of(Path sourceDir, java.util.Optional<java.time.Instant> created)
            throws AuthoringException, IOException {
        return of(sourceDir, Map.of(), created);
    }

    /**
     * Plans a bundle of {@code sourceDir}, described by its authoring file (or, without one, by
     * inference from a Hugging Face model directory: spec/ecosystem.md §2), plus files kept
     * elsewhere (a build's outputs, such as trained weights), each under the bundle path it is
     * mapped to. The authoring file's {@code exclude} globs apply to the scanned directory only.
     *
     * @param additional bundle path → file; a path may not collide with a file of {@code sourceDir}
     */
    public static BundlePlan of(Path sourceDir, Map<String, Path> additional, java.util.Optional<java.time.Instant> created)
            throws AuthoringException, IOException {
        java.util.Optional<Path> located = AuthoringFile.locate(sourceDir);
        AuthoringFile authoring = located.isPresent() ? AuthoringFile.read(located.get())
                : HuggingFaceLayout.authoringFor(sourceDir);
        String authoringName = located.map(p -> p.getFileName().toString()).orElse("inferred Hugging Face layout");
        List<String> skipped = located.map(p -> List.of(p.getFileName().toString())).orElse(List.of());
        SourceTree tree = SourceTree.scan(sourceDir, authoring.exclude(), skipped).withAdditional(additional, skipped);
        if (tree.files().isEmpty()) {
            throw new AuthoringException(sourceDir + " holds no files to bundle");
        }
        List<Manifest.FileEntry> files = new ArrayList<>();
        for (SourceTree.SourceFile f : tree.files()) {
            files.add(new Manifest.FileEntry(f.path(), f.size(), PENDING_DIGEST, MediaTypes.of(f.path())));
        }
        Manifest.Builder builder = Manifest.builder()
                .name(authoring.name())
                .version(authoring.version())
                .producer(authoring.producer())
                .license(authoring.license())
                .description(authoring.description().orElse(null))
                .supersedes(authoring.supersedes().orElse(null))
                .components(components(authoring, tree))
                .files(files)
                .annotations(authoring.annotations());
        created.ifPresent(builder::created);
        Manifest draft = builder.build();
        try {
            // The same checks a reader applies, so a pack never writes a bundle it would refuse to read.
            ManifestCodec.parse(ManifestCodec.write(draft));
        } catch (BundleFormatException e) {
            throw new AuthoringException(authoringName + ": " + e.getMessage(), e);
        }
        return new BundlePlan(tree, draft);
    }

    private static List<Manifest.Component> components(AuthoringFile authoring, SourceTree tree)
            throws AuthoringException {
        List<String> paths = tree.files().stream().map(SourceTree.SourceFile::path).toList();
        Map<String, List<String>> inferred = authoring.conventionalLayout()
                ? ConventionalLayout.infer(paths) : Map.of();
        Map<String, Manifest.Component> result = new LinkedHashMap<>();
        for (Map.Entry<String, AuthoringFile.ComponentSpec> e : authoring.components().entrySet()) {
            String id = e.getKey();
            AuthoringFile.ComponentSpec spec = e.getValue();
            List<String> componentPaths = spec.paths().isEmpty() ? inferred.getOrDefault(id, List.of()) : spec.paths();
            if (componentPaths.isEmpty() && spec.external().isEmpty()) {
                throw new AuthoringException("component '" + id + "' lists no paths, has no external references, "
                        + "and none of its conventional paths exist; add 'paths' or the files");
            }
            result.put(id, new Manifest.Component(id, componentPaths, spec.license().orElse(authoring.license()),
                    spec.external()));
        }
        inferred.forEach((id, componentPaths) -> result.putIfAbsent(id,
                new Manifest.Component(id, componentPaths, authoring.license(), List.of())));
        return new ArrayList<>(result.values());
    }

    /** The manifest as it will be written, with every digest still zero. */
    public Manifest draft() {
        return draft;
    }

    public Path sourceDir() {
        return tree.root();
    }

    List<SourceTree.SourceFile> sourceFiles() {
        return tree.files();
    }
}
