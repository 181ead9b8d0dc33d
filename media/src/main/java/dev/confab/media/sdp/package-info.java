/** SDP (RFC 8866) as a typed model with a bounded parser and a canonical writer, and JSEP-shaped offers and answers. */
package dev.confab.media.sdp;
