package dev.confab.client.ui.contacts;

import dev.confab.client.core.presence.Presence;
import javafx.scene.shape.Circle;

/**
 * The small coloured circle that shows a presence: green online, amber away, red busy, grey offline, hollow
 * unknown. Colours come from the theme's looked-up colours in {@link #STYLESHEET}, which the parent adds. Use on the
 * JavaFX application thread.
 */
public final class PresenceDot extends Circle {
    /** The stylesheet with the dot's (and the contact list's) styles. */
    public static final String STYLESHEET = PresenceDot.class.getResource("contacts.css").toExternalForm();
    private static final String PREFIX = "presence-";

    public PresenceDot() {
        super(5);
        getStyleClass().add("presence-dot");
        show(Presence.UNKNOWN);
    }

    /** Shows {@code presence}. */
    public void show(Presence presence) {
        getStyleClass().removeIf(s -> s.startsWith(PREFIX) && !s.equals("presence-dot"));
        getStyleClass().add(PREFIX + presence.label());
        setAccessibleText(presence.label());
    }
}
