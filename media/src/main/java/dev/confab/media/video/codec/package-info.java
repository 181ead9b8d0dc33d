/** VP8 (RFC 6386) for calls: a realtime encoder over libvpx and a decoder over FFmpeg's, both through avcodec. */
package dev.confab.media.video.codec;
