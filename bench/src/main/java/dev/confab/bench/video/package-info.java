/** Video benchmarks: VP8 speed beside the ffmpeg CLI; a video call's CPU beside Chromium's, and its glass-to-glass time. */
package dev.confab.bench.video;
