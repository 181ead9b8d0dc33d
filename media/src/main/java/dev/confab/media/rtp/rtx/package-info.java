/** Loss recovery by retransmission: NACKs (RFC 4585) asked for on receive, answered from a send-side buffer, resent as RTX (RFC 4588). */
package dev.confab.media.rtp.rtx;
