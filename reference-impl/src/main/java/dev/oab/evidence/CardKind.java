package dev.oab.evidence;

/** The kinds of card OAB reads. */
public enum CardKind {
    /** A Hugging Face–style model card: YAML front matter and Markdown sections. */
    MODEL_CARD,
    /** A Hugging Face dataset card: YAML front matter and Markdown sections. */
    HF_DATASET_CARD,
    /** An MLCommons Croissant 1.x JSON-LD dataset description. */
    CROISSANT
}
