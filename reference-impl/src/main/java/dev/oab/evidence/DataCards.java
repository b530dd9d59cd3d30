package dev.oab.evidence;

import java.nio.channels.SeekableByteChannel;

/**
 * Checks a data card: either a Hugging Face dataset card (YAML front matter with a licence and the
 * template's sections) or an MLCommons Croissant 1.0/1.1 JSON-LD file. A {@code .json} or
 * {@code .jsonld} name, or content starting with '{', means Croissant.
 *
 * <p>Required dataset card section ids: {@code dataset-description}, {@code dataset-structure},
 * {@code dataset-creation}, {@code considerations}; also recognised: {@code uses},
 * {@code licensing}, {@code citation}. Subsections of the template (Source Data, Annotations,
 * Data Fields…) count towards their top-level section.
 */
public final class DataCards {

    /** Largest Markdown dataset card read. */
    public static final int MAX_CARD_BYTES = MarkdownCardChecker.MAX_CARD_BYTES;
    /** Largest Croissant document read. */
    public static final int MAX_CROISSANT_BYTES = CroissantChecker.MAX_BYTES;

    private static final MarkdownCardChecker HF_CHECKER = new MarkdownCardChecker(CardKind.HF_DATASET_CARD,
            SectionCatalog.DATASET_CARD, "data-card", "the Hugging Face dataset card template");

    private DataCards() {
    }

    /** Checks a data card held in memory, choosing the kind from the name and content. */
    public static CardReport check(byte[] content, String path) {
        return isCroissant(content, path) ? CroissantChecker.check(content, path) : HF_CHECKER.check(content, path);
    }

    /** Reads a data card from a channel and checks it; the channel is not closed. */
    public static CardReport check(SeekableByteChannel channel, String path) throws EvidenceReadException {
        boolean json = path.endsWith(".json") || path.endsWith(".jsonld");
        byte[] content = Inputs.readCapped(channel, json ? MAX_CROISSANT_BYTES : MAX_CARD_BYTES, path);
        if (content == null) {
            return json ? CroissantChecker.check(null, path) : HF_CHECKER.check(null, path);
        }
        return check(content, path);
    }

    private static boolean isCroissant(byte[] content, String path) {
        if (path.endsWith(".json") || path.endsWith(".jsonld")) {
            return true;
        }
        if (content == null) {
            return false;
        }
        for (byte b : content) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '{';
            }
        }
        return false;
    }
}
