/** VP8 over RTP (RFC 7741): payload descriptor, payload header, packetizer and the receiver's frame assembler. */
package dev.confab.media.video.vp8;
