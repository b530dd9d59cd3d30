package dev.oab.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oab.json.StrictJson;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link ValidationReport}: readable text, JSON in the format of
 * {@code spec/schema/validation-report.schema.json}, a self-contained HTML page and an SVG badge.
 * Every rendering is a pure function of the report, so equal reports give identical bytes.
 */
public final class Reports {

    /** The version of the JSON report format. */
    public static final String JSON_FORMAT_VERSION = "1";
    private static final int FILES_SHOWN = 4;

    private Reports() {
    }

    // ---------------------------------------------------------------- text

    /** The report as text for a terminal: verdict, each component with its status, reason and files, MOF classes. */
    public static String text(ValidationReport r) {
        StringBuilder out = new StringBuilder();
        out.append(r.name()).append(' ').append(r.version()).append(" (").append(r.bundle()).append(") against ")
                .append(r.profile()).append(" - ").append(r.title()).append('\n');
        long required = r.components().stream().filter(c -> c.role() == ComponentResult.Role.REQUIRED).count();
        long unmet = r.unmet().size();
        long bundleErrors = r.issues().stream().filter(Issue::isError).count();
        if (r.met()) {
            out.append("MET: all ").append(required).append(" required components are present with evidence")
                    .append('\n');
        } else {
            out.append("NOT MET: ");
            if (unmet > 0) {
                out.append(unmet).append(" of ").append(required).append(" required components ")
                        .append(unmet == 1 ? "fails" : "fail");
            }
            if (bundleErrors > 0) {
                out.append(unmet > 0 ? ", " : "").append(bundleErrors).append(" bundle-wide ")
                        .append(bundleErrors == 1 ? "rule fails" : "rules fail");
            }
            out.append('\n');
        }
        section(out, r, ComponentResult.Role.REQUIRED, "Required components");
        section(out, r, ComponentResult.Role.OPTIONAL, "Optional components");
        section(out, r, ComponentResult.Role.NOT_REQUIRED, "Other components");
        if (!r.issues().isEmpty()) {
            out.append("\nBundle-wide rules\n");
            for (Issue issue : r.issues()) {
                out.append("  ").append(issue.isError() ? "FAIL " : "warn ").append(issue.rule()).append(" [")
                        .append(issue.code()).append("] ").append(issue.path().isEmpty() ? "" : issue.path() + ": ")
                        .append(issue.message()).append('\n');
            }
        }
        out.append("\nMOF class from the evidence: ").append(mofLine(r.evidence())).append('\n');
        out.append("MOF class the Model Openness Tool grades from the claims alone: ").append(mofLine(r.claims()))
                .append('\n');
        return out.toString();
    }

    private static void section(StringBuilder out, ValidationReport r, ComponentResult.Role role, String heading) {
        List<ComponentResult> rows = r.components().stream().filter(c -> c.role() == role).toList();
        if (rows.isEmpty()) {
            return;
        }
        out.append('\n').append(heading).append('\n');
        for (ComponentResult c : rows) {
            String mark = role != ComponentResult.Role.REQUIRED ? (c.status() == ComponentResult.Status.PRESENT ? "ok  "
                    : c.status() == ComponentResult.Status.MISSING ? "-   " : "warn") : c.met() ? "ok  " : "FAIL";
            String label = c.name() + " (" + c.id() + ")";
            out.append("  ").append(mark).append("  ").append(pad(label, 64)).append(' ').append(c.status().id());
            if (!c.license().isEmpty() && c.status() != ComponentResult.Status.MISSING) {
                out.append(" ".repeat(11 - c.status().id().length())).append(c.license());
            }
            c.satisfiedBy().ifPresent(s -> out.append(" - satisfied by ").append(s));
            out.append('\n');
            if (!c.files().isEmpty() || !c.external().isEmpty()) {
                out.append("        files: ").append(files(c)).append('\n');
            }
            boolean quiet = role != ComponentResult.Role.REQUIRED && c.status() == ComponentResult.Status.MISSING;
            if (quiet) {
                continue;
            }
            for (Issue issue : c.issues()) {
                if (c.satisfiedBy().isPresent() && issue.code().equals("component.missing")) {
                    continue;
                }
                out.append("        ").append(issue.isError() ? "error" : "warning").append(" (rule ")
                        .append(issue.rule()).append(", ").append(issue.code()).append("): ")
                        .append(issue.message()).append('\n');
            }
        }
    }

    private static String files(ComponentResult c) {
        List<String> all = new java.util.ArrayList<>(c.files());
        all.addAll(c.external());
        String shown = String.join(", ", all.subList(0, Math.min(FILES_SHOWN, all.size())));
        return all.size() > FILES_SHOWN ? shown + " and " + (all.size() - FILES_SHOWN) + " more" : shown;
    }

    private static String mofLine(MofGrade g) {
        return g.label() + " (Class III " + percent(g.progress(3)) + ", Class II " + percent(g.progress(2))
                + ", Class I " + percent(g.progress(1)) + ")";
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String percent(double progress) {
        return round(progress).toPlainString() + "%";
    }

    private static BigDecimal round(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    // ---------------------------------------------------------------- JSON

    /** The report as pretty-printed JSON (UTF-8), valid against {@code validation-report.schema.json}. */
    public static byte[] json(ValidationReport r) {
        return StrictJson.writePretty(jsonTree(r));
    }

    /** The report as a JSON tree. */
    public static ObjectNode jsonTree(ValidationReport r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("reportVersion", JSON_FORMAT_VERSION);
        ObjectNode bundle = root.putObject("bundle");
        bundle.put("file", r.bundle());
        bundle.put("name", r.name());
        bundle.put("version", r.version());
        bundle.put("license", r.license());
        ObjectNode profile = root.putObject("profile");
        profile.put("id", r.profile());
        profile.put("title", r.title());
        root.put("met", r.met());
        ObjectNode summary = root.putObject("summary");
        summary.put("required", r.components().stream().filter(c -> c.role() == ComponentResult.Role.REQUIRED).count());
        summary.put("unmet", r.unmet().size());
        summary.put("bundleErrors", r.issues().stream().filter(Issue::isError).count());
        ArrayNode components = root.putArray("components");
        for (ComponentResult c : r.components()) {
            ObjectNode node = components.addObject();
            node.put("id", c.id());
            node.put("name", c.name());
            node.put("contentType", c.contentType());
            node.put("role", c.role().id());
            if (!c.requiredBy().isEmpty()) {
                node.put("requiredBy", c.requiredBy());
            }
            node.put("status", c.status().id());
            node.put("met", c.met());
            c.satisfiedBy().ifPresent(s -> node.put("satisfiedBy", s));
            node.put("license", c.license());
            ArrayNode files = node.putArray("files");
            c.files().forEach(files::add);
            ArrayNode external = node.putArray("external");
            c.external().forEach(external::add);
            node.put("reason", c.reason());
            issues(node.putArray("issues"), c.issues());
        }
        issues(root.putArray("issues"), r.issues());
        ObjectNode mof = root.putObject("mof");
        grade(mof.putObject("evidence"), r.evidence());
        grade(mof.putObject("claims"), r.claims());
        return root;
    }

    private static void issues(ArrayNode array, List<Issue> issues) {
        for (Issue i : issues) {
            ObjectNode node = array.addObject();
            node.put("severity", i.severity().name().toLowerCase(Locale.ROOT));
            node.put("rule", i.rule());
            node.put("code", i.code());
            node.put("path", i.path());
            node.put("message", i.message());
        }
    }

    private static void grade(ObjectNode node, MofGrade g) {
        node.put("class", g.mofClass());
        node.put("label", g.label());
        ObjectNode progress = node.putObject("progress");
        progress.put("classI", round(g.progress(1)));
        progress.put("classII", round(g.progress(2)));
        progress.put("classIII", round(g.progress(3)));
        ArrayNode counted = node.putArray("components");
        g.components().forEach(counted::add);
    }

    // ---------------------------------------------------------------- HTML

    /** A self-contained HTML page (inline CSS, no scripts, no external resources). */
    public static String html(ValidationReport r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(r.name() + " " + r.version() + " - " + r.profile())).append("</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<header><div><h1>").append(esc(r.name())).append(" <span class=\"ver\">").append(esc(r.version()))
                .append("</span></h1><p class=\"sub\">").append(esc(r.bundle())).append(" &middot; distributed under ")
                .append(esc(r.license())).append("</p></div>");
        long required = r.components().stream().filter(c -> c.role() == ComponentResult.Role.REQUIRED).count();
        long bundleErrors = r.issues().stream().filter(Issue::isError).count();
        h.append("<div class=\"verdict ").append(r.met() ? "ok" : "fail").append("\"><span>")
                .append(r.met() ? "MET" : "NOT MET").append("</span><small>").append(esc(r.title()))
                .append("</small><p class=\"counts\">").append(required - r.unmet().size()).append(" of ")
                .append(required).append(" required components met")
                .append(bundleErrors == 0 ? "" : " &middot; " + bundleErrors + " bundle-wide "
                        + (bundleErrors == 1 ? "rule fails" : "rules fail"))
                .append("</p></div></header>\n");

        h.append("<section class=\"mof\"><h2>Model Openness Framework</h2><div class=\"grades\">");
        gradeCard(h, "From the evidence", r.evidence(), true);
        gradeCard(h, "From the claims alone (as the Model Openness Tool grades)", r.claims(), false);
        h.append("</div></section>\n");

        h.append("<section><h2>Components</h2><table>\n<colgroup><col style=\"width:96px\"><col style=\"width:210px\">"
                + "<col style=\"width:110px\"><col style=\"width:110px\"><col style=\"width:260px\"><col></colgroup>\n<thead><tr><th>Status</th><th>Component</th><th>Role</th>")
                .append("<th>Licence</th><th>Files</th><th>Reason</th></tr></thead>\n<tbody>\n");
        ComponentResult.Role group = null;
        for (ComponentResult c : r.components()) {
            if (c.role() != group) {
                group = c.role();
                h.append("<tr class=\"group\"><td colspan=\"6\">").append(switch (group) {
                    case REQUIRED -> "Required by " + esc(r.profile());
                    case OPTIONAL -> "Optional";
                    case NOT_REQUIRED -> "Not required by this profile";
                }).append("</td></tr>\n");
            }
            String cls = c.role() == ComponentResult.Role.REQUIRED ? (c.met() ? "ok" : "fail")
                    : c.status() == ComponentResult.Status.PRESENT ? "ok" : c.status() == ComponentResult.Status.MISSING
                    ? "none" : "warn";
            h.append("<tr class=\"").append(c.role().id()).append("\"><td><span class=\"pill ").append(cls).append("\">")
                    .append(esc(c.status().id())).append("</span></td><td><b>").append(esc(c.name()))
                    .append("</b><br><code>").append(esc(c.id())).append("</code></td><td class=\"nw\">")
                    .append(esc(c.role().id().replace('-', ' '))).append(c.requiredBy().isEmpty() ? ""
                            : "<br><small>" + esc(c.requiredBy()) + "</small>").append("</td><td class=\"nw\">")
                    .append(c.status() == ComponentResult.Status.MISSING ? "" : esc(c.license()))
                    .append("</td><td class=\"files\">");
            if (!c.files().isEmpty() || !c.external().isEmpty()) {
                h.append("<code>").append(esc(files(c))).append("</code>");
            }
            h.append("</td><td>");
            if (c.satisfiedBy().isPresent()) {
                h.append("satisfied by <code>").append(esc(c.satisfiedBy().get())).append("</code>");
            } else if (c.role() == ComponentResult.Role.REQUIRED || c.status() != ComponentResult.Status.MISSING) {
                for (Issue i : c.issues()) {
                    h.append("<div class=\"issue ").append(i.isError() ? "e" : "w").append("\"><code>")
                            .append(esc(i.rule())).append("</code> ").append(esc(i.message())).append("</div>");
                }
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
        if (!r.issues().isEmpty()) {
            h.append("<section><h2>Bundle-wide rules</h2>\n");
            for (Issue i : r.issues()) {
                h.append("<div class=\"issue ").append(i.isError() ? "e" : "w").append("\"><code>").append(esc(i.rule()))
                        .append("</code> ").append(i.path().isEmpty() ? "" : "<code>" + esc(i.path()) + "</code> ")
                        .append(esc(i.message())).append("</div>\n");
            }
            h.append("</section>\n");
        }
        h.append("<footer>Validated by OAB against profile <code>").append(esc(r.profile()))
                .append("</code>. A component counts only when its files are in the bundle, its licence is a valid SPDX"
                        + " expression with its text under <code>LICENSES/</code> and suited to its content type, and"
                        + " its content passes its evidence check.</footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void gradeCard(StringBuilder h, String heading, MofGrade g, boolean primary) {
        h.append("<div class=\"grade").append(primary ? " primary" : "").append("\"><h3>").append(esc(heading))
                .append("</h3><p class=\"cls c").append(g.mofClass()).append("\">").append(esc(g.label())).append("</p>");
        for (int cls = 3; cls >= 1; cls--) {
            String name = cls == 3 ? "Class III - Open Model" : cls == 2 ? "Class II - Open Tooling" : "Class I - Open Science";
            String pct = percent(g.progress(cls));
            h.append("<div class=\"bar\"><span class=\"lbl\">").append(name).append("</span><span class=\"track\">")
                    .append("<span class=\"fill").append(g.progress(cls) >= 100 ? " full" : "").append("\" style=\"width:")
                    .append(round(Math.min(100, g.progress(cls))).toPlainString()).append("%\"></span></span><span class=\"pct\">")
                    .append(pct).append("</span></div>");
        }
        h.append("</div>");
    }

    private static final String CSS = """
            :root{--ok:#1b7f3b;--okbg:#e3f4e8;--fail:#b42318;--failbg:#fde8e6;--warn:#9a6700;--warnbg:#fff4d6;
            --ink:#1f2328;--mute:#59636e;--line:#d8dee4;--bg:#f6f8fa}
            *{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--ink);
            font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
            main{max-width:1180px;margin:0 auto;padding:28px 24px 40px}
            header{display:flex;justify-content:space-between;align-items:center;gap:24px;background:#fff;
            border:1px solid var(--line);border-radius:12px;padding:20px 24px}
            h1{margin:0;font-size:26px}h1 .ver{color:var(--mute);font-weight:500}.sub{margin:4px 0 0;color:var(--mute)}
            h2{font-size:18px;margin:28px 0 12px}h3{font-size:14px;margin:0 0 6px;color:var(--mute);font-weight:600}
            .verdict{text-align:center;border-radius:10px;padding:10px 22px;min-width:190px}
            .verdict span{display:block;font-size:24px;font-weight:800;letter-spacing:.5px}
            .verdict small{color:var(--mute)}.verdict.ok{background:var(--okbg);color:var(--ok)}
            .verdict.fail{background:var(--failbg);color:var(--fail)}
            .grades{display:grid;grid-template-columns:1fr 1fr;gap:16px}
            .grade{background:#fff;border:1px solid var(--line);border-radius:12px;padding:16px 20px}
            .grade.primary{border-color:#8cb4ff;box-shadow:0 0 0 3px #e6efff}
            .cls{font-size:20px;font-weight:700;margin:0 0 10px}.cls.c0{color:var(--mute)}.cls.c1,.cls.c2{color:var(--ok)}
            .cls.c3{color:#2f6f9f}.bar{display:grid;grid-template-columns:170px 1fr 64px;align-items:center;gap:10px;margin:6px 0}
            .lbl{font-size:13px;color:var(--mute)}.track{height:10px;background:#eaeef2;border-radius:6px;overflow:hidden}
            .fill{display:block;height:100%;background:#d4a72c;border-radius:6px}.fill.full{background:var(--ok)}
            .pct{font-variant-numeric:tabular-nums;text-align:right;font-size:13px}
            table{width:100%;border-collapse:collapse;background:#fff;border:1px solid var(--line);border-radius:12px;
            overflow:hidden}th,td{text-align:left;vertical-align:top;padding:8px 10px;border-bottom:1px solid var(--line)}
            th{background:#f0f3f6;font-size:12px;text-transform:uppercase;letter-spacing:.4px;color:var(--mute)}
            tr.not-required td{color:var(--mute)}td small{color:var(--mute)}
            code{font:12.5px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
            td.nw{white-space:nowrap}td.files{min-width:230px;max-width:300px}tr.group td{background:#f6f8fa;font-weight:700;
            font-size:13px;color:var(--ink);padding:6px 10px}.counts{margin:6px 0 0;font-size:13px;color:var(--mute)}
            .pill{display:inline-block;padding:2px 9px;border-radius:999px;font-size:12px;font-weight:700}
            .pill.ok{background:var(--okbg);color:var(--ok)}.pill.fail{background:var(--failbg);color:var(--fail)}
            .pill.warn{background:var(--warnbg);color:var(--warn)}.pill.none{background:#eaeef2;color:var(--mute)}
            .issue{font-size:13px;margin:2px 0;padding-left:8px;border-left:3px solid var(--warn)}
            .issue.e{border-color:var(--fail)}.issue code{color:var(--mute)}
            footer{margin-top:28px;color:var(--mute);font-size:13px}
            @media (max-width:800px){.grades{grid-template-columns:1fr}header{flex-direction:column;align-items:flex-start}}
            """;

    private static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- badge

    /** An SVG badge "OAB | MOF Class II" for the class the evidence reaches, marked with the profile when met. */
    public static String badge(ValidationReport r) {
        MofGrade g = r.evidence();
        String left = "OAB";
        String right = "MOF " + g.shortLabel() + (r.met() ? " \u00b7 " + r.profile() + " \u2713" : "");
        String color = switch (g.mofClass()) {
            case 1 -> "#1b7f3b";
            case 2 -> "#4c9a2a";
            case 3 -> "#2f6f9f";
            default -> "#8a8f98";
        };
        int lw = textWidth(left) + 12;
        int rw = textWidth(right) + 12;
        int w = lw + rw;
        String title = "OAB: " + r.name() + " " + r.version() + " reaches MOF " + g.shortLabel() + " from evidence; "
                + r.profile() + " " + (r.met() ? "met" : "not met");
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"20\" role=\"img\" aria-label=\""
                + esc(left + ": " + right) + "\">\n"
                + "<title>" + esc(title) + "</title>\n"
                + "<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" stop-opacity=\".1\"/>"
                + "<stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>\n"
                + "<clipPath id=\"r\"><rect width=\"" + w + "\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>\n"
                + "<g clip-path=\"url(#r)\"><rect width=\"" + lw + "\" height=\"20\" fill=\"#555\"/><rect x=\"" + lw
                + "\" width=\"" + rw + "\" height=\"20\" fill=\"" + color + "\"/><rect width=\"" + w
                + "\" height=\"20\" fill=\"url(#s)\"/></g>\n"
                + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" "
                + "font-size=\"11\">\n"
                + "<text x=\"" + (lw / 2.0) + "\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">" + esc(left) + "</text>"
                + "<text x=\"" + (lw / 2.0) + "\" y=\"14\">" + esc(left) + "</text>\n"
                + "<text x=\"" + (lw + rw / 2.0) + "\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\">" + esc(right)
                + "</text><text x=\"" + (lw + rw / 2.0) + "\" y=\"14\">" + esc(right) + "</text>\n</g>\n</svg>\n";
    }

    /** Approximate width of Verdana 11px text, as badge services estimate it. */
    private static int textWidth(String text) {
        double width = 0;
        for (char c : text.toCharArray()) {
            width += c == ' ' ? 3.9 : "iIl.:|!'".indexOf(c) >= 0 ? 3.5 : "mwMW".indexOf(c) >= 0 ? 10.5
                    : Character.isUpperCase(c) || Character.isDigit(c) ? 7.5 : 6.6;
        }
        return (int) Math.ceil(width);
    }
}
