package dev.confab.client.core.calls;

import dev.confab.crypto.sas.ShortAuthString;
import dev.confab.media.call.CallSession;
import dev.confab.media.call.CallStatistics;
import dev.confab.protocol.ws.CallMedia;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One call as the person on this device meets it: who with, which way, where it stands ({@link CallState}), how it
 * ended ({@link CallEnd}), the short authentication string to compare once encrypted, and what the person can do:
 * {@link #answer}, {@link #reject}, {@link #hangUp}, {@link #mute}.
 *
 * <p>Thread-safe: the getters read the newest state from any thread; the actions hand their work to the call
 * manager's thread and wait until it is done (they do not wait for the network), so they may be called from an
 * observer on the event thread too.
 */
public final class Call {
    private final CallManager manager;
    private final CallParties parties;
    private final CallDirection direction;
    private final String peerUserId;
    private final String peerName;
    private final BindingPolicy binding;
    private final CallMedia media;
    private final Clock clock;
    private final Instant startedAt;
    private volatile Instant answeredAt;
    private volatile Instant endedAt;
    private volatile CallState state;
    private volatile CallEnd end;
    private volatile ShortAuthString sas;
    private volatile CallSession session;
    private volatile boolean muted;
    private volatile boolean cameraOn = true;

    Call(CallManager manager, CallParties parties, CallDirection direction, String peerName, BindingPolicy binding,
            CallMedia media, Clock clock) {
        this.manager = manager;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startedAt = clock.instant();
        this.media = Objects.requireNonNull(media, "media");
        this.parties = parties;
        this.direction = direction;
        this.peerUserId = direction == CallDirection.OUTGOING ? parties.calleeUserId() : parties.callerUserId();
        this.peerName = Objects.requireNonNull(peerName, "peerName");
        this.binding = binding;
        this.state = direction == CallDirection.OUTGOING ? CallState.OUTGOING : CallState.INCOMING;
    }

    /** The call id the signaling server knows it by. */
    public String id() {
        return parties.callId();
    }

    public CallDirection direction() {
        return direction;
    }

    /** The other party's user id. */
    public String peerUserId() {
        return peerUserId;
    }

    /** The other party's name for people (a username). */
    public String peerName() {
        return peerName;
    }

    /** Whether the peer's identity binding is required ({@link BindingPolicy#REQUIRED} for every Confab peer). */
    public BindingPolicy binding() {
        return binding;
    }

    /** Whether the caller placed a video call (its camera on) or an audio call; either side may send video. */
    public CallMedia media() {
        return media;
    }

    /** When this device placed the call, or heard it ring. */
    public Instant startedAt() {
        return startedAt;
    }

    /** When the call was answered (it went to {@link CallState#CONNECTING}); empty if it never was. */
    public Optional<Instant> answeredAt() {
        return Optional.ofNullable(answeredAt);
    }

    /** When the call ended; empty while it goes on. */
    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public CallState state() {
        return state;
    }

    /** How the call ended; empty while it goes on. */
    public Optional<CallEnd> end() {
        return Optional.ofNullable(end);
    }

    /** The short authentication string both people can compare, once the media is encrypted. */
    public Optional<ShortAuthString> sas() {
        return Optional.ofNullable(sas);
    }

    /** What the media has done so far; empty before this device has set up the call's media. */
    public Optional<CallStatistics> statistics() {
        CallSession current = session;
        return current == null ? Optional.empty() : Optional.of(current.statistics());
    }

    public boolean muted() {
        return muted;
    }

    /** Mutes or unmutes this device's microphone: while muted the peer hears silence. */
    public void mute(boolean on) {
        muted = on;
        CallSession current = session;
        if (current != null) {
            current.mute(on);
        }
    }

    /**
     * Asks the peer for a fresh key frame of its video, so a view that starts showing it now need not wait for the
     * next one; nothing before the call's media is set up.
     */
    public void requestKeyFrame() {
        CallSession current = session;
        if (current != null) {
            current.requestKeyFrame();
        }
    }

    /**
     * Moves the call's sound to {@code next} (another microphone and speaker, chosen mid-call): the running capture and
     * playout stop and the new ones start on the same call, with the same mute. Before the media connects, the call
     * starts with {@code next}.
     *
     * @throws IllegalArgumentException if {@code next} cannot start (the call goes on with the sound it had)
     * @throws IllegalStateException    if the call is over
     */
    public void audio(CallAudio next) {
        manager.audio(this, Objects.requireNonNull(next, "next"));
    }

    /**
     * Sends the camera named {@code name} (as {@link CallManager#cameraList()} lists it) instead of the call's: at once
     * while the camera is on, else when it is turned on again.
     *
     * @throws IllegalArgumentException if the call was set up without a camera, there is no such camera, or it cannot
     *                                  start (the call goes on with the camera it had)
     * @throws IllegalStateException    if the call is over
     */
    public void switchCamera(String name) {
        manager.switchCamera(this, Objects.requireNonNull(name, "name"));
    }

    /** Whether this device's camera sends (when the call has one): see {@link #camera(boolean)}. */
    public boolean cameraOn() {
        return cameraOn;
    }

    /**
     * Turns this device's camera off (the peer's picture of us stops; the camera is released) or on again.
     *
     * @throws IllegalArgumentException if the camera cannot be turned on again (the message says why)
     */
    public void camera(boolean on) {
        manager.camera(this, on);
        cameraOn = on;
    }

    /**
     * Answers this incoming call with {@code audio} and no camera (the peer's video, if any, is shown nowhere); the
     * media connects by itself.
     *
     * @throws IllegalStateException    if the call is not ringing on this device
     * @throws IllegalArgumentException if {@code audio} names a device or file that is not there
     */
    public void answer(CallAudio audio) {
        answer(audio, CallVideo.none());
    }

    /**
     * Answers this incoming call with {@code audio} and {@code video}; the media connects by itself.
     *
     * @throws IllegalStateException    if the call is not ringing on this device
     * @throws IllegalArgumentException if {@code audio} or {@code video} names a device or file that is not there
     */
    public void answer(CallAudio audio, CallVideo video) {
        manager.answer(this, Objects.requireNonNull(audio, "audio"), Objects.requireNonNull(video, "video"));
    }

    /** The camera stopped by itself (unplugged, failed): it is off until turned on again. */
    void cameraStopped() {
        cameraOn = false;
    }

    /**
     * Declines this incoming call.
     *
     * @throws IllegalStateException if the call is not ringing on this device
     */
    public void reject() {
        manager.reject(this);
    }

    /**
     * Ends the call whatever its state: cancels it while it rings, declines it when incoming; it is
     * {@link CallState#ENDED} when this returns. The future completes when the server took the hangup (it fails when
     * the server could not be told: the peer then learns from the lost connection). No-op once ended.
     */
    public CompletableFuture<Void> hangUp() {
        return manager.hangUp(this);
    }

    @Override
    public String toString() {
        return "Call[" + parties.callId() + ", " + direction + " " + peerName + ", " + state + "]";
    }

    // ---- written on the call manager's thread

    CallParties parties() {
        return parties;
    }

    void state(CallState next) {
        if (next.answered() && answeredAt == null) {
            answeredAt = clock.instant();
        }
        state = next;
    }

    void ended(CallEnd how) {
        endedAt = clock.instant();
        end = how;
        state = CallState.ENDED;
    }

    void secured(ShortAuthString value) {
        sas = value;
    }

    void session(CallSession value) {
        session = value;
        if (value != null) {
            value.mute(muted);
        }
    }
}
