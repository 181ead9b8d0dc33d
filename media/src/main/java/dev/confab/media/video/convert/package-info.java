/** Colour conversion and scaling in swscale: camera BGR24 and JavaFX ARGB to and from I420, and I420 resizing. */
package dev.confab.media.video.convert;
