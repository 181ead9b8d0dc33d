package dev.confab.client.core.calls;

import dev.confab.crypto.sas.ShortAuthString;

/**
 * What a UI hears about calls: every state a call passes through, the short authentication string once the media is
 * encrypted, and the end with its reason. Runs on the client's event thread, in the order things happened; must not
 * block. The {@link Call} passed in is live: its getters show the newest state, the arguments the state at the event.
 */
public interface CallObserver {

    /** The call moved to {@code state}; a new incoming call arrives as {@link CallState#INCOMING}. */
    default void onCallState(Call call, CallState state) {}

    /** The media is encrypted; both people see the same {@code sas} when nobody is in the middle. */
    default void onCallSecured(Call call, ShortAuthString sas) {}

    /**
     * This device's camera stopped sending mid-call without being asked (unplugged, or it failed): the call goes on
     * without our picture, {@link Call#cameraOn()} is false, and {@link Call#camera(boolean)} may try it, or it once
     * plugged back in, again. {@code reason} says what happened, for people.
     */
    default void onCameraLost(Call call, String reason) {}

    /** The call ended (after {@link #onCallState} with {@link CallState#ENDED}). */
    default void onCallEnded(Call call, CallEnd end) {}
}
