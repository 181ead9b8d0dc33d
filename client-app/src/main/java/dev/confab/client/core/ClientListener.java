package dev.confab.client.core;

import dev.confab.client.core.account.AccountListener;
import dev.confab.client.core.calls.CallListener;
import dev.confab.client.core.calls.CallObserver;
import dev.confab.client.core.chat.ChatListener;
import dev.confab.client.core.contacts.ContactsListener;
import dev.confab.client.core.events.ConnectionListener;
import dev.confab.client.core.keys.KeyListener;

/**
 * Every listener of the client in one interface, for a UI or the CLI that wants all events: override what you
 * need. All methods run on the client's single event thread, in the order things happened; they must not block.
 */
public interface ClientListener extends ConnectionListener, AccountListener, ContactsListener, ChatListener,
        KeyListener, CallListener, CallObserver {}
