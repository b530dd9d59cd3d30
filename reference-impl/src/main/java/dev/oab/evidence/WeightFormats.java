package dev.oab.evidence;

import dev.oab.internal.io.ReadOnlyChannel;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises a weights file by its content (its name only breaks ties and decides which errors
 * to report) and checks it: safetensors headers are proven consistent, GGUF and ONNX headers are
 * walked with bounds, and pickle-based formats are reported as unsafe to load.
 *
 * <p>Only headers are read. The channel may be a file on disk or one entry of a bundle; the
 * checker never closes it and never reads tensor data.
 */
public final class WeightFormats {

    /** Names that mean "a pickle", whatever the bytes look like (joblib may compress its pickle). */
    private static final Set<String> PICKLE_EXTENSIONS = Set.of("pkl", "pickle", "joblib");
    /** Names PyTorch and friends use for pickle or pickle-in-ZIP checkpoints. */
    private static final Set<String> TORCH_EXTENSIONS = Set.of("bin", "pt", "pth", "ckpt");

    private static final String UNSAFE_ADVICE = "loading it (torch.load, pickle.load, joblib.load) can run"
            + " arbitrary code; convert the weights to safetensors and ship that file instead";

    private WeightFormats() {
    }

    /** Opens {@code file} read-only and checks it, naming it by its file name. */
    public static WeightsReport detect(Path file) throws EvidenceReadException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return detect(channel, file.toString());
        } catch (IOException e) {
            throw new EvidenceReadException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Recognises and checks one weights file.
     *
     * @param channel the file's bytes, from position 0 to {@code size()}; not closed
     * @param path    the name to report and to read the extension from, e.g. {@code weights/model.safetensors}
     */
    public static WeightsReport detect(SeekableByteChannel channel, String path) throws EvidenceReadException {
        try {
            return check(channel, path);
        } catch (IOException e) {
            throw new EvidenceReadException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static WeightsReport check(SeekableByteChannel channel, String path) throws IOException {
        String extension = extension(path);
        byte[] head = ChannelReader.head(channel, 16);

        // Content first, so a pickle renamed to .safetensors is still reported as a pickle. The
        // safetensors layout is tested first because its length prefix can begin like a pickle
        // (0x80 0x02 is a 640-byte header); a real pickle or ZIP never has '{' at offset 8.
        boolean safetensorsLayout = looksLikeSafetensors(channel, head);
        if (!safetensorsLayout) {
            if (startsWith(head, 'G', 'G', 'U', 'F')) {
                return GgufChecker.check(channel, path);
            }
            if (startsWith(head, 'P', 'K', 3, 4)) {
                WeightsReport zip = checkZip(channel, path);
                if (zip != null) {
                    return zip;
                }
            }
            if (head.length >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5) {
                return WeightsReport.builder(path, WeightFormat.PICKLE)
                        .error("weights.pickle-unsafe", "this is a Python pickle (protocol " + head[1] + "); "
                                + UNSAFE_ADVICE)
                        .build();
            }
        }
        if (safetensorsLayout || extension.equals("safetensors")) {
            return SafetensorsChecker.check(channel, path);
        }
        if (extension.equals("gguf")) {
            return GgufChecker.check(channel, path);
        }
        if (extension.equals("onnx")) {
            return OnnxChecker.check(channel, path, true);
        }
        if (PICKLE_EXTENSIONS.contains(extension)) {
            return WeightsReport.builder(path, WeightFormat.PICKLE)
                    .error("weights.pickle-unsafe", "a ." + extension + " file is a Python pickle; " + UNSAFE_ADVICE)
                    .build();
        }
        if (head.length > 0 && head[0] == 0x08) {
            WeightsReport onnx = OnnxChecker.check(channel, path, false);
            if (onnx != null) {
                return onnx;
            }
        }
        String hint = TORCH_EXTENSIONS.contains(extension)
                ? " (a ." + extension + " file that is neither a pickle nor a PyTorch ZIP)" : "";
        return WeightsReport.builder(path, WeightFormat.UNKNOWN)
                .warning("weights.format-unknown", "not a recognised weights format" + hint
                        + "; OAB checks safetensors, GGUF and ONNX, ship weights in one of those")
                .build();
    }

    /** A ZIP holding a pickle is PyTorch's checkpoint format; returns null for any other ZIP. */
    private static WeightsReport checkZip(SeekableByteChannel channel, String path) {
        String pickleEntry = null;
        try (ZipFile zip = ZipFile.builder()
                .setSeekableByteChannel(new UnclosableChannel(channel))
                .setIgnoreLocalFileHeader(true)
                .get()) {
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (name.equals("data.pkl") || name.endsWith("/data.pkl")) {
                    pickleEntry = name;
                    break;
                }
                if (pickleEntry == null && name.endsWith(".pkl")) {
                    pickleEntry = name;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not a ZIP we can read: let the other detectors have a go.
            return null;
        }
        if (pickleEntry == null) {
            return null;
        }
        return WeightsReport.builder(path, WeightFormat.PYTORCH_ZIP)
                .error("weights.pickle-unsafe", "this is a PyTorch ZIP checkpoint whose entry '" + pickleEntry
                        + "' is a Python pickle; " + UNSAFE_ADVICE)
                .build();
    }

    /** The safetensors layout without the name: a sane header length followed by '{'. */
    private static boolean looksLikeSafetensors(SeekableByteChannel channel, byte[] head) throws IOException {
        if (head.length < 10 || head[8] != '{') {
            return false;
        }
        long headerLength = ByteBuffer.wrap(head, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        return headerLength >= 2 && headerLength <= SafetensorsChecker.MAX_HEADER_BYTES
                && headerLength <= channel.size() - 8;
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** Lets Commons Compress read a channel it does not own: its close() must not close ours. */
    private static final class UnclosableChannel extends ReadOnlyChannel {
        private final SeekableByteChannel delegate;

        UnclosableChannel(SeekableByteChannel delegate) {
            this.delegate = delegate;
        }

        @Override
        protected int readAt(long position, ByteBuffer dst) throws IOException {
            return ChannelReader.readAt(delegate, position, dst);
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public void close() {
            // The caller owns the channel.
        }
    }
}
