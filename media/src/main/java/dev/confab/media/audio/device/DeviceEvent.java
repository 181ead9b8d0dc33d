package dev.confab.media.audio.device;

/** What happened to a capture or playout line, as reported to its listener. Immutable. */
public sealed interface DeviceEvent {
    /** A line to {@code device} was opened and started ({@code channels} is 2 when the device took no mono). */
    record Opened(AudioDevice device, int channels, int bufferBytes) implements DeviceEvent {}

    /** The line to {@code device} broke or the device went away; a new line is being opened. */
    record Lost(AudioDevice device, String reason) implements DeviceEvent {}

    /** No line to {@code device} could be opened; it is tried again after the retry interval. */
    record OpenFailed(AudioDevice device, String reason) implements DeviceEvent {}

    /** Playout found its line's buffer empty: the device played silence it was not given. */
    record Underrun(long total) implements DeviceEvent {}

    /** Capture found its line's buffer full: the device dropped samples not read in time. */
    record Overrun(long total) implements DeviceEvent {}

    /** The frame consumer or supplier threw; the frame was skipped and the line goes on. */
    record CallbackFailed(RuntimeException error) implements DeviceEvent {}
}
