/** Maven goals for Open AI Bundles: thin Mojos over the reference implementation. */
package dev.oab.maven;
