/** Loss recovery by retransmission: NACKs (RFC 4585) asked for, answered from a send buffer, resent as RTX (RFC 4588). */
package dev.confab.media.rtp.rtx;
