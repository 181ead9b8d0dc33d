/** The FFmpeg libraries through JavaCPP: loading them once, and copying I420 pictures in and out of native frames. */
package dev.confab.media.video.ffmpeg;
