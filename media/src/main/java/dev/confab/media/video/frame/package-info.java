/** Uncompressed video frames: I420 (YUV 4:2:0 planar) pictures with their size and capture time, and PSNR. */
package dev.confab.media.video.frame;
