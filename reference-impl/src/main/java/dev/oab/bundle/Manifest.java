package dev.oab.bundle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bundle manifest, {@code oab.json}: what the bundle is, who made it, under which licence, which
 * components it carries, and every file with its size and SHA-256. Immutable; build one with
 * {@link #builder()} or read one with {@link ManifestCodec#parse(byte[])}.
 */
public record Manifest(
        String formatVersion,
        String name,
        String version,
        Producer producer,
        Optional<Instant> created,
        String license,
        Optional<String> description,
        Optional<Supersedes> supersedes,
        List<Component> components,
        List<FileEntry> files,
        Map<String, String> annotations) {

    /** The format version this implementation writes and reads. */
    public static final String FORMAT_VERSION = "0.1";
    /** The manifest's path in the archive, always its first entry. */
    public static final String PATH = "oab.json";
    /** Folder of embedded signatures; the only entries not listed in the file table. */
    public static final String SIGNATURES_DIR = ".oab/signatures/";
    /** Reserved for OAB's own metadata. */
    public static final String RESERVED_DIR = ".oab/";
    private static final String RESERVED_DIR_KEY = BundlePaths.collisionKey(RESERVED_DIR);

    /**
     * Whether {@code path} is the manifest's own or lies under {@code .oab/}, also on a
     * case-insensitive or normalising file system: no file of the table may have such a path.
     */
    static boolean isReservedPath(String path) {
        String key = BundlePaths.collisionKey(path);
        return key.equals(PATH) || key.startsWith(RESERVED_DIR_KEY);
    }

    /** @param files the file table, in the UTF-8 order of its paths (see {@link #file}) */
    public Manifest {
        Objects.requireNonNull(formatVersion, "formatVersion");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(supersedes, "supersedes");
        components = List.copyOf(components);
        files = List.copyOf(files);
        annotations = Map.copyOf(annotations);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The file-table entry for {@code path}, if listed. A binary search: the file table is in the
     * UTF-8 order of its paths, as {@link ManifestCodec} requires and {@link Builder} produces, so
     * looking up every entry of a 100,000-file bundle costs n log n comparisons, not n².
     */
    public Optional<FileEntry> file(String path) {
        int index = fileIndex(path);
        return index < 0 ? Optional.empty() : Optional.of(files.get(index));
    }

    /**
     * Whether some file lies under {@code folder} ("x/"). The paths that start with it sort
     * together from the first path not below it, so one binary search answers.
     */
    boolean hasFileUnder(String folder) {
        int low = 0;
        int high = files.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (BundlePaths.UTF8_ORDER.compare(files.get(middle).path(), folder) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low < files.size() && files.get(low).path().startsWith(folder);
    }

    /** Position of {@code path} in {@link #files()}, or -1. */
    int fileIndex(String path) {
        int low = 0;
        int high = files.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = BundlePaths.UTF8_ORDER.compare(files.get(middle).path(), path);
            if (order == 0) {
                return middle;
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }

    /** The component with {@code id}, if present. */
    public Optional<Component> component(String id) {
        return components.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Sum of the sizes in the file table. */
    public long totalBytes() {
        return files.stream().mapToLong(FileEntry::size).sum();
    }

    /** Who produced the bundle. */
    public record Producer(String name, Optional<String> url, Optional<String> email) {
        public Producer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(email, "email");
        }

        public static Producer named(String name) {
            return new Producer(name, Optional.empty(), Optional.empty());
        }
    }

    /** The bundle this one replaces (a retracted or corrected release), pinned by digest. */
    public record Supersedes(String name, String version, String sha256) {
        public Supersedes {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * One component of the release (model parameters, training code, ...). Its {@code paths} are
     * files or folders (ending in '/') inside the bundle; {@code external} lists artefacts too
     * large or too restricted to ship, pinned by URL, size and digest.
     */
    public record Component(String id, List<String> paths, String license, List<ExternalReference> external) {
        public Component {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(license, "license");
            paths = List.copyOf(paths);
            external = List.copyOf(external);
        }

        /** Whether {@code filePath} belongs to this component. */
        public boolean covers(String filePath) {
            for (String p : paths) {
                if (p.endsWith("/") ? filePath.startsWith(p) : filePath.equals(p)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** An artefact outside the bundle, pinned so that whoever fetches it can check it. */
    public record ExternalReference(String url, long size, String sha256, String license) {
        public ExternalReference {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(license, "license");
        }
    }

    /** One row of the file table. */
    public record FileEntry(String path, long size, String sha256, String mediaType) {
        public FileEntry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(mediaType, "mediaType");
        }
    }

    /** Assembles a manifest; {@link #build()} sorts components by id and files by UTF-8 path. */
    public static final class Builder {
        private String name;
        private String version;
        private Producer producer;
        private Instant created;
        private String license;
        private String description;
        private Supersedes supersedes;
        private List<Component> components = List.of();
        private List<FileEntry> files = List.of();
        private Map<String, String> annotations = Map.of();

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder producer(Producer producer) {
            this.producer = producer;
            return this;
        }

        public Builder created(Instant created) {
            this.created = created;
            return this;
        }

        public Builder license(String license) {
            this.license = license;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder supersedes(Supersedes supersedes) {
            this.supersedes = supersedes;
            return this;
        }

        public Builder components(List<Component> components) {
            this.components = components;
            return this;
        }

        public Builder files(List<FileEntry> files) {
            this.files = files;
            return this;
        }

        public Builder annotations(Map<String, String> annotations) {
            this.annotations = annotations;
            return this;
        }

        public Manifest build() {
            List<Component> sortedComponents = components.stream()
                    .sorted(java.util.Comparator.comparing(Component::id)).toList();
            List<FileEntry> sortedFiles = files.stream()
                    .sorted(java.util.Comparator.comparing(FileEntry::path, BundlePaths.UTF8_ORDER)).toList();
            return new Manifest(FORMAT_VERSION, name, version, producer, Optional.ofNullable(created), license,
                    Optional.ofNullable(description), Optional.ofNullable(supersedes), sortedComponents,
                    sortedFiles, new java.util.TreeMap<>(annotations));
        }
    }
}
