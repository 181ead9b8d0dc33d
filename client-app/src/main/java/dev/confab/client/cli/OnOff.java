package dev.confab.client.cli;

/** An optional {@code on|off} argument of a shell command; absent, it toggles. */
enum OnOff {
    ON, OFF;

    /** What the setting becomes: this one's, or the opposite of {@code current} when none was given. */
    static boolean wanted(OnOff given, boolean current) {
        return given == null ? !current : given == ON;
    }
}
