package dev.confab.client.ui.contacts;

import dev.confab.client.core.contacts.ContactView;

/** The name people see for a user: the display name when there is one, else the username. Stateless; any thread. */
public final class DisplayNames {
    private DisplayNames() {}

    public static String of(String displayName, String username) {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }

    public static String of(ContactView contact) {
        return of(contact.displayName(), contact.username());
    }
}
