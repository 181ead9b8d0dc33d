/** RTP packets (RFC 3550, RFC 8285 header extensions) read and written in caller-owned buffers, and wrapping counters. */
package dev.confab.media.rtp;
