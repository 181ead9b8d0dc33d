/** Video for calls: frames, colour conversion, the VP8 codec and a measurable test pattern. */
package dev.confab.media.video;
