package dev.confab.server.it;

import org.junit.jupiter.api.Nested;

/** The behaviour suite on PostgreSQL (one shared server process). */
class PostgresBehaviourTest {
    @Nested
    class Accounts extends AccountsBehaviour {
        Accounts() {
            super(Db.POSTGRES);
        }
    }

    @Nested
    class Contacts extends ContactsBehaviour {
        Contacts() {
            super(Db.POSTGRES);
        }
    }

    @Nested
    class Presence extends PresenceBehaviour {
        Presence() {
            super(Db.POSTGRES);
        }
    }

    @Nested
    class Chat extends ChatBehaviour {
        Chat() {
            super(Db.POSTGRES);
        }
    }

    @Nested
    class Calls extends CallsBehaviour {
        Calls() {
            super(Db.POSTGRES);
        }
    }
}
