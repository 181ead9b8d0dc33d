/** Confab's media stack: devices, codecs, RTP/RTCP, ICE, SDP and the call engine (built by the call issues). */
package dev.confab.media;
