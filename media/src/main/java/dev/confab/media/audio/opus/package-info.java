/** Opus (RFC 6716) for calls: encoder and decoder over libopus, the RTP payload (RFC 7587) and its SDP parameters. */
package dev.confab.media.audio.opus;
