/**
 * Confab's signaling wire types: the protocol version, error codes and the shared JSON codec. Records here are
 * immutable and thread-safe.
 */
package dev.confab.protocol;
