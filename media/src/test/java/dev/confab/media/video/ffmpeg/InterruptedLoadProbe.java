package dev.confab.media.video.ffmpeg;

import org.bytedeco.ffmpeg.global.avcodec;

/**
 * Run in a JVM of its own with an empty JavaCPP cache: one thread loads FFmpeg while being interrupted every
 * millisecond until it ends, then the main thread loads it and prints avcodec's version; exits non-zero if that fails.
 */
final class InterruptedLoadProbe {
    private InterruptedLoadProbe() {}

    public static void main(String[] args) throws InterruptedException {
        Thread loader = Thread.ofPlatform().name("interrupted-loader").start(() -> {
            try {
                FfmpegNatives.load();
            } catch (IllegalStateException e) {
                System.out.println("the interrupted thread's load failed: " + e.getCause());
            }
        });
        while (loader.isAlive()) {
            loader.interrupt();
            Thread.sleep(1);
        }
        FfmpegNatives.load();
        System.out.println("avcodec " + avcodec.avcodec_version());
    }
}
