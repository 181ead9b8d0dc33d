package dev.confab.server.it;

import org.junit.jupiter.api.Nested;

/** The behaviour suite on SQLite (one shared server process). */
class SqliteBehaviourTest {
    @Nested
    class Accounts extends AccountsBehaviour {
        Accounts() {
            super(Db.SQLITE);
        }
    }

    @Nested
    class Contacts extends ContactsBehaviour {
        Contacts() {
            super(Db.SQLITE);
        }
    }

    @Nested
    class Presence extends PresenceBehaviour {
        Presence() {
            super(Db.SQLITE);
        }
    }

    @Nested
    class Chat extends ChatBehaviour {
        Chat() {
            super(Db.SQLITE);
        }
    }

    @Nested
    class Calls extends CallsBehaviour {
        Calls() {
            super(Db.SQLITE);
        }
    }
}
