/** Cameras: webcam-capture drivers of Confab's own (FFmpeg avdevice, test pattern, video file), listing and choice, hot-plug, I420 frames captured on their own threads. */
package dev.confab.media.video.capture;
