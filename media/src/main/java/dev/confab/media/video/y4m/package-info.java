/** YUV4MPEG2 files (.y4m): raw I420 pictures with a one-line header, for recording and reading back video exactly. */
package dev.confab.media.video.y4m;
