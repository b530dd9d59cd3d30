/**
 * Describes a bundle in the formats supply-chain and data tooling read, each written with its
 * format's maintained library where one exists (spec/ecosystem.md §3).
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link dev.oab.export.CycloneDxExporter#export}: CycloneDX 1.6 ML-BOM (cyclonedx-core-java)</li>
 *   <li>{@link dev.oab.export.SpdxExporter#export}: SPDX 3.0.1 JSON-LD with the AI and dataset
 *       profiles (java-spdx-library and its JSON-LD store)</li>
 *   <li>{@link dev.oab.export.CroissantExporter#export}: MLCommons Croissant 1.1 of the bundle's
 *       datasets</li>
 * </ul>
 * Each takes an open {@link dev.oab.bundle.BundleReader} and returns UTF-8 bytes: the same bundle
 * always gives the same bytes. Verify the bundle first; the exporters describe what its manifest
 * and files state. A bundle that cannot be described as it is raises
 * {@link dev.oab.export.ExportException} with what to do.
 */
package dev.oab.export;
