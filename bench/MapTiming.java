import dev.oab.bundle.BundleReader;

import java.nio.MappedByteBuffer;
import java.nio.file.Path;

/**
 * Times BundleReader.open and map of one stored entry, in-process (no JVM start-up in the figure).
 * Run by bench/bench.py as a single-file program: java -cp oab-cli.jar bench/MapTiming.java FILE.oab ENTRY
 */
public final class MapTiming {
    public static void main(String[] args) throws Exception {
        Path bundle = Path.of(args[0]);
        String entry = args[1];
        long best = Long.MAX_VALUE;
        long bestOpen = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            try (BundleReader reader = BundleReader.open(bundle)) {
                long t1 = System.nanoTime();
                MappedByteBuffer map = reader.map(entry);
                long t2 = System.nanoTime();
                if (map.capacity() != reader.entry(entry).orElseThrow().size()) {
                    throw new IllegalStateException("mapped the wrong size");
                }
                bestOpen = Math.min(bestOpen, t1 - t0);
                best = Math.min(best, t2 - t1);
            }
        }
        System.out.printf("open %.3f ms, map %.3f ms%n", bestOpen / 1e6, best / 1e6);
    }
}
