/** A moving test pattern whose frames carry their number and capture time in a code that survives VP8. */
package dev.confab.media.video.pattern;
