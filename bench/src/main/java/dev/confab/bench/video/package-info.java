/** Video benchmarks: VP8 encode/decode speed beside the ffmpeg CLI, and a video call's CPU beside Chromium. */
package dev.confab.bench.video;
