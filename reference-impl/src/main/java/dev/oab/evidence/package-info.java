/**
 * Content checkers that turn the files of a release into evidence: each reads untrusted bytes
 * with every length bounded before allocation, and returns an immutable report of what the file
 * is and what is wrong with it. Whether a finding fails a release is the policy's decision.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link dev.oab.evidence.WeightFormats#detect} &rarr; {@link dev.oab.evidence.WeightsReport}</li>
 *   <li>{@link dev.oab.evidence.ModelCards#check} and {@link dev.oab.evidence.DataCards#check}
 *       &rarr; {@link dev.oab.evidence.CardReport}</li>
 *   <li>{@link dev.oab.evidence.ConfigSchemas} &rarr; {@link dev.oab.evidence.ConfigReport}</li>
 *   <li>{@link dev.oab.evidence.Lockfiles#check} &rarr; {@link dev.oab.evidence.LockfileReport}</li>
 * </ul>
 * Every checker accepts a {@link java.nio.channels.SeekableByteChannel} (a file, or one entry of a
 * bundle) and never closes it; the text checkers also accept {@code byte[]}.
 *
 * <h2>Finding codes</h2>
 * Codes are stable; messages may be reworded.
 * <ul>
 *   <li>Weights: {@code weights.pickle-unsafe} (E), {@code weights.format-unknown} (W);
 *       {@code safetensors.truncated}, {@code .header-too-large}, {@code .header-beyond-file},
 *       {@code .header-not-json}, {@code .header-padding}, {@code .duplicate-tensor},
 *       {@code .metadata-invalid}, {@code .tensor-invalid}, {@code .dtype-unknown},
 *       {@code .tensor-size-mismatch}, {@code .offsets-gap}, {@code .offsets-overlap},
 *       {@code .trailing-bytes} (all E); {@code gguf.bad-magic}, {@code .version-unsupported},
 *       {@code .count-too-large}, {@code .header-invalid}, {@code .truncated},
 *       {@code .tensor-offset-invalid} (E); {@code onnx.invalid} (E).</li>
 *   <li>Cards ({@code model-card.*} and {@code data-card.*}): {@code .too-large}, {@code .not-utf8},
 *       {@code .front-matter-missing}, {@code .front-matter-invalid}, {@code .license-missing} (E);
 *       {@code .license-unnamed}, {@code .section-missing}, {@code .section-placeholder} (W).</li>
 *   <li>Croissant: {@code croissant.too-large}, {@code .invalid-json}, {@code .context-missing},
 *       {@code .type-invalid}, {@code .conforms-to-invalid}, {@code .property-missing},
 *       {@code .distribution-missing}, {@code .distribution-invalid},
 *       {@code .file-object-property-missing}, {@code .file-object-sha256-missing},
 *       {@code .file-object-sha256-invalid}, {@code .file-set-property-missing} (all E).</li>
 *   <li>Configs ({@code hyperparameters.*}, {@code seeds.*}): {@code .too-large},
 *       {@code .invalid-json}, {@code .schema-violation}, {@code seeds.duplicate-name} (all E).</li>
 *   <li>Lockfiles: {@code lockfile.unpinned}, {@code .malformed-line}, {@code .no-dependencies},
 *       {@code .unrecognised} (W); {@code lockfile.unreadable} (E).</li>
 * </ul>
 */
package dev.oab.evidence;
