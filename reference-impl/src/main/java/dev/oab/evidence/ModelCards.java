package dev.oab.evidence;

import java.nio.channels.SeekableByteChannel;

/**
 * Checks a model card ({@code cards/MODEL_CARD.md}) for substance: YAML front matter with a
 * licence, and the sections of the Hugging Face model card template (after Mitchell et al.),
 * each actually written rather than left as a template placeholder.
 *
 * <p>Required section ids: {@code model-details}, {@code uses}, {@code bias-risks-limitations},
 * {@code training-details} ({@code training-data}, {@code training-procedure},
 * {@code training-hyperparameters}), {@code evaluation} ({@code testing-data},
 * {@code evaluation-factors}, {@code evaluation-metrics}, {@code evaluation-results}),
 * {@code environmental-impact}, {@code citation}. Also recognised: {@code technical-specifications},
 * {@code getting-started}, {@code glossary}, {@code model-card-authors}, {@code model-card-contact}.
 */
public final class ModelCards {

    /** Largest card read. */
    public static final int MAX_BYTES = MarkdownCardChecker.MAX_CARD_BYTES;

    private static final MarkdownCardChecker CHECKER = new MarkdownCardChecker(CardKind.MODEL_CARD,
            SectionCatalog.MODEL_CARD, "model-card", "the Hugging Face model card template");

    private ModelCards() {
    }

    /** Checks a card held in memory; {@code content} larger than {@link #MAX_BYTES} is refused as a finding. */
    public static CardReport check(byte[] content, String path) {
        return CHECKER.check(content, path);
    }

    /** Reads the card from a channel (at most {@link #MAX_BYTES}) and checks it; the channel is not closed. */
    public static CardReport check(SeekableByteChannel channel, String path) throws EvidenceReadException {
        return CHECKER.check(Inputs.readCapped(channel, MAX_BYTES, path), path);
    }
}
