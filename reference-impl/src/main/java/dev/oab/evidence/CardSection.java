package dev.oab.evidence;

import java.util.Objects;

/**
 * A section of a card that OAB recognised.
 *
 * @param id          the stable id, e.g. {@code training-data}
 * @param heading     the heading as the card wrote it (empty when the section only counts through
 *                    its subsections)
 * @param text        the section's Markdown below its heading, including subsections
 * @param substantive false when the section holds only template leftovers
 */
public record CardSection(String id, String heading, String text, boolean substantive) {
    public CardSection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(text, "text");
    }
}
