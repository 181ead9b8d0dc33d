package dev.confab.client.core.account;

/** Observes signing in and out. Runs on the client's event thread, in order; must not block. */
public interface AccountListener {
    /** The profile signed in (or registered and signed in). */
    default void onSignedIn(AccountState account) {}

    /**
     * The profile is signed out: by the user, or because the server ended the session ({@code reason} then says
     * why, for people; null for a deliberate sign-out). Terminal for this session.
     */
    default void onSignedOut(String reason) {}
}
