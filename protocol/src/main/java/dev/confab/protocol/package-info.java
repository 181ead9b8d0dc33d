/** Confab's signaling wire types: the protocol version, error codes and the shared JSON codec. */
package dev.confab.protocol;
