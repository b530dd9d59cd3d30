package dev.oab.mof;

import dev.oab.bundle.Manifest;
import dev.oab.components.ComponentCatalog;
import dev.oab.components.OabComponent;
import dev.oab.licenses.LicenseExpression;
import dev.oab.licenses.LicenseExpressionException;

import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Writes a bundle's claims as a Model Openness Tool {@code mof.yml}: every MOF component the manifest
 * declares, in the vocabulary's order, with its licence, the path of that licence's text under
 * {@code LICENSES/} and its first path; the distribution licence as the release licence. OAB's own
 * components (hyperparameters, seeds, environment, licences) have no MOF name and are left out.
 */
public final class MofExporter {

    private final ComponentCatalog catalog;

    private MofExporter(ComponentCatalog catalog) {
        this.catalog = catalog;
    }

    /** An exporter using the component vocabulary packaged in {@code oab-spec}. */
    public static MofExporter standard() {
        return new MofExporter(ComponentCatalog.bundled());
    }

    /** The claims of every MOF component the manifest declares. */
    public MofDocument export(Manifest manifest) {
        return export(manifest, manifest.components().stream().map(Manifest.Component::id).toList());
    }

    /**
     * The claims of the listed components only, e.g. those the evidence backs. A component id
     * that the manifest does not declare, or that is not a MOF component, is skipped.
     */
    public MofDocument export(Manifest manifest, Collection<String> componentIds) {
        MofDocument.Builder release = MofDocument.Release.builder(manifest.name())
                .version(manifest.version())
                .producer(manifest.producer().name())
                .license("distribution", new MofDocument.License(manifest.license(), licensePath(manifest,
                        manifest.license())));
        manifest.created().ifPresent(created -> release.date(created.atZone(ZoneOffset.UTC).toLocalDate().toString()));
        manifest.producer().email().ifPresent(release::contact);
        manifest.producer().url().ifPresent(release::repository);
        for (OabComponent component : catalog.mofComponents()) {
            if (!componentIds.contains(component.id())) {
                continue;
            }
            Optional<Manifest.Component> declared = manifest.component(component.id());
            if (declared.isEmpty()) {
                continue;
            }
            Manifest.Component c = declared.get();
            String path = !c.paths().isEmpty() ? c.paths().get(0)
                    : c.external().isEmpty() ? null : c.external().get(0).url();
            release.component(new MofDocument.Component(component.mofName(), null, c.license(),
                    licensePath(manifest, c.license()), path));
        }
        return new MofDocument(MofDocument.Framework.mof10(), release.build());
    }

    /** Where the first licence of the expression has its text in the bundle, or null. */
    private static String licensePath(Manifest manifest, String expression) {
        List<String> ids;
        try {
            ids = List.copyOf(LicenseExpression.parse(expression).licenseIds());
        } catch (LicenseExpressionException e) {
            return null;
        }
        for (String id : ids) {
            for (String suffix : List.of(".txt", ".md")) {
                String path = "LICENSES/" + id + suffix;
                if (manifest.file(path).isPresent()) {
                    return path;
                }
            }
        }
        return null;
    }
}
