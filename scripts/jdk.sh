# Sourced by Confab's scripts: finds a JDK 25 or newer and exports JAVA_HOME, or stops with what to install.

confab_java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}

confab_find_jdk() {
    local candidate major
    for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[5-9]* \
                     /usr/lib/jvm/java-2[5-9]-* /usr/lib/jvm/jdk-2[5-9]*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
        major=$(confab_java_major "$candidate")
        if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then
            export JAVA_HOME="$candidate"
            export PATH="$JAVA_HOME/bin:$PATH"
            return 0
        fi
    done
    cat >&2 <<'MSG'
Confab needs a JDK 25 or newer, and none was found (looked at $JAVA_HOME and /usr/lib/jvm).
Install one, for example Eclipse Temurin 25:
    https://adoptium.net/installation/linux/   (apt: temurin-25-jdk)
then run this command again, or point JAVA_HOME at it.
MSG
    return 1
}

# Maven 3.9's Guice calls sun.misc.Unsafe, which JDK 25 warns about on every build; the scripts always run on
# JDK 25+, where this flag exists (a plain ./mvnw on an older JDK must not see it).
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
