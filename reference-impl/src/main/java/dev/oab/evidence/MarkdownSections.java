package dev.oab.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Markdown into ATX-heading sections and judges whether a section says anything. Card
 * templates leave tell-tale leftovers when nobody fills them in; a section made only of those
 * leftovers counts as not written.
 */
final class MarkdownSections {

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    /** Headings are short; longer lines are never tested as headings, which keeps the regex linear. */
    private static final int MAX_HEADING_LINE = 1024;
    private static final Pattern MORE_INFO = Pattern.compile("\\[?\\s*more information needed\\s*]?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOREM = Pattern.compile("lorem ipsum", Pattern.CASE_INSENSITIVE);
    /** A line that is nothing but a placeholder word. */
    private static final Pattern PLACEHOLDER_WORD = Pattern.compile(
            "(?i)(todo|tbd|tba|to be (?:added|determined|announced)|coming soon|n/?a|none|\\.\\.\\.|…)[.!:]?");
    /** A bare label such as "- **Developed by:**" or "Language(s):" with no value after it. */
    private static final Pattern BARE_LABEL = Pattern.compile("^(?:[-*+]\\s+)?(?:\\*\\*[^*]+\\*\\*:?|__[^_]+__:?|[^:]{1,80}:)$");
    private static final Pattern LIST_OR_QUOTE_MARK = Pattern.compile("^(?:[-*+>]|\\d+[.)])\\s+");

    private MarkdownSections() {
    }

    /** One heading and everything under it up to the next heading of the same or a higher level. */
    record Section(int level, String heading, String body) {
    }

    static List<Section> split(String markdown) {
        String[] lines = markdown.split("\r?\n", -1);
        List<int[]> headings = new ArrayList<>(); // {line index, level}
        List<String> titles = new ArrayList<>();
        boolean inFence = false;
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            Matcher fenceMatch = FENCE.matcher(lines[i]);
            if (fenceMatch.find()) {
                if (!inFence) {
                    inFence = true;
                    fence = fenceMatch.group(1);
                } else if (fenceMatch.group(1).equals(fence)) {
                    inFence = false;
                }
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher heading = ATX.matcher(lines[i]);
            if (isHeadingCandidate(lines[i]) && heading.matches()) {
                headings.add(new int[] {i, heading.group(1).length()});
                titles.add(heading.group(2) == null ? "" : heading.group(2).trim());
            }
        }
        List<Section> sections = new ArrayList<>();
        for (int h = 0; h < headings.size(); h++) {
            int start = headings.get(h)[0];
            int level = headings.get(h)[1];
            int end = lines.length;
            for (int next = h + 1; next < headings.size(); next++) {
                if (headings.get(next)[1] <= level) {
                    end = headings.get(next)[0];
                    break;
                }
            }
            StringBuilder body = new StringBuilder();
            for (int i = start + 1; i < end; i++) {
                body.append(lines[i]).append('\n');
            }
            sections.add(new Section(level, titles.get(h), body.toString().strip()));
        }
        return sections;
    }

    /**
     * True when a section body says something beyond headings, comments and template leftovers.
     * Lorem ipsum anywhere makes the whole section a placeholder.
     */
    static boolean isSubstantive(String body) {
        if (LOREM.matcher(body).find()) {
            return false;
        }
        // HTML comments and the Jinja leftovers of the Hugging Face templates ({{ var }}, {% tag %}).
        String text = cut(body, "<!--", "-->");
        text = cut(text, "{{", "}}");
        text = cut(text, "{%", "%}");
        text = MORE_INFO.matcher(text).replaceAll(" ");
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || (isHeadingCandidate(line) && ATX.matcher(line).matches())) {
                continue;
            }
            line = LIST_OR_QUOTE_MARK.matcher(line).replaceFirst("").strip();
            if (line.isEmpty() || BARE_LABEL.matcher(line).matches()) {
                continue;
            }
            // A label followed only by a placeholder word, e.g. "**License:** TODO".
            String value = line.replaceFirst("^(?:\\*\\*[^*]+\\*\\*|__[^_]+__|[^:]{1,80}):\\s*", "")
                    .replace("*", "").replace("_", "").strip();
            if (value.isEmpty() || PLACEHOLDER_WORD.matcher(value).matches()) {
                continue;
            }
            if (value.codePoints().anyMatch(Character::isLetterOrDigit)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHeadingCandidate(String line) {
        return line.length() <= MAX_HEADING_LINE && line.stripLeading().startsWith("#");
    }

    /**
     * Removes every {@code open...close} span (an unclosed one runs to the end). Done with indexOf
     * rather than a lazy regex, which would be quadratic on many unclosed openers.
     */
    static String cut(String text, String open, String close) {
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (true) {
            int start = text.indexOf(open, from);
            if (start < 0) {
                out.append(text, from, text.length());
                return out.toString();
            }
            out.append(text, from, start).append(' ');
            int end = text.indexOf(close, start + open.length());
            if (end < 0) {
                return out.toString();
            }
            from = end + close.length();
        }
    }

    /**
     * Reduces a heading to lower-case words: links and emphasis unwrapped, "&" read as "and",
     * punctuation dropped, leading section numbers and a trailing "optional" removed.
     */
    static String normalize(String heading) {
        String text = heading.replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1")
                .replace("&", " and ")
                .toLowerCase(Locale.ROOT);
        text = text.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        text = text.replaceFirst("^(?:\\d+ )+", "");
        text = text.replaceFirst(" optional$", "");
        return text;
    }
}
