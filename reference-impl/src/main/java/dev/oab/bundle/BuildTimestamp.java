package dev.oab.bundle;

import dev.oab.authoring.AuthoringException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The time a reproducible build records, as build tools spell it: RFC 3339 with an offset
 * ({@code 2026-01-31T12:00:00Z}, {@code 2026-01-31T13:00:00+01:00}) or whole seconds since the
 * epoch ({@code SOURCE_DATE_EPOCH}), the two forms Maven's {@code project.build.outputTimestamp}
 * takes as well.
 */
public final class BuildTimestamp {

    private BuildTimestamp() {
    }

    /**
     * Parses {@code value}; empty when it is null or blank.
     *
     * @param origin where the value came from, named in the error (an option, a property)
     */
    public static Optional<Instant> parse(String value, String origin) throws AuthoringException {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            if (v.chars().allMatch(Character::isDigit)) {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(v)));
            }
            return Optional.of(OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeException | NumberFormatException e) {
            throw new AuthoringException(origin + " '" + value
                    + "' is neither RFC 3339 (2026-01-31T12:00:00Z) nor seconds since the epoch");
        }
    }
}
