package dev.oab.evidence;

/**
 * How serious a finding is. The checkers only describe what they saw; whether a finding fails a
 * release is decided by the policy that reads the evidence.
 */
public enum Severity {
    /** The file is broken, unsafe or not what it claims to be. */
    ERROR,
    /** The file is usable but falls short of a complete, reproducible release. */
    WARNING
}
