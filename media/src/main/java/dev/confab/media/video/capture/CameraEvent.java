package dev.confab.media.video.capture;

/** What happened to a camera, as {@link Cameras} reports it to its listener. Immutable. */
public sealed interface CameraEvent {
    /** {@code camera} appeared in a listing: plugged in, or its file is back. It can be opened. */
    record Added(Camera camera) implements CameraEvent {}

    /** {@code camera} is no longer listed; a capture from it was ended. */
    record Removed(Camera camera) implements CameraEvent {}

    /** The capture from the camera named {@code cameraName} ended because the device failed or its stream ended. */
    record Failed(String cameraName, CameraException error) implements CameraEvent {}
}
