package dev.confab.bench.video;

/**
 * One way of making a video call on this machine whose CPU the video report compares: Chromium's
 * ({@link ChromiumVideoCall}) and Confab's ({@link ConfabVideoCall}). An implementation sets the call up as
 * {@link VideoCallPlan} says, lets it run through the warm-up, counts the CPU of everything running both sides over the
 * counted time, reads what each side received, and tears everything down again.
 *
 * <p>Thread contract: {@link #measure} is called from one thread and blocks for the call's length.
 */
public interface VideoCallCpuMeasurement {

    /**
     * Runs a call as {@code plan} says and returns its CPU.
     *
     * @throws IllegalStateException when the call did not carry audio and video both ways
     */
    VideoCallCpu measure(VideoCallPlan plan) throws Exception;
}
