/** STUN (RFC 8489) messages, attributes and client transactions, with ICE's (RFC 8445) and TURN's (RFC 8656) attributes. */
package dev.confab.media.stun;
