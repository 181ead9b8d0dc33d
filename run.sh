#!/usr/bin/env bash
# Runs Confab: the server on its embedded SQLite database, and the desktop app (its data under run-data/desktop/NAME,
# NAME "me" by default). Run it again in a second terminal with another name to be a second person on the server:
#     ./run.sh alice        # terminal 1
#     ./run.sh bob          # terminal 2
# Without a graphical session, or with "shell" first, it opens the command-line client's shell instead:
#     ./run.sh shell alice
set -euo pipefail
cd "$(dirname "$0")"
source scripts/jdk.sh
confab_find_jdk

MODE=desktop
if [ "${1:-}" = "shell" ]; then
    MODE=shell
    shift
elif [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No graphical session here (DISPLAY is not set): opening the command-line shell instead of the desktop app."
    MODE=shell
fi
PROFILE="${1:-me}"
PORT="${CONFAB_PORT:-8470}"
URL="http://127.0.0.1:$PORT"
DATA="$PWD/run-data"
SERVER_JAR=server/target/confab-server.jar
CLIENT_JAR=client-app/target/confab.jar
STAMP="$DATA/.built"

# Asks the server's /health over bash's own TCP support, so nothing else needs to be installed.
healthy() {
    local status
    status=$(timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT && printf 'GET /health HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\n\\r\\n' >&3 && head -n1 <&3" 2>/dev/null) || return 1
    [[ "$status" == *" 200"* ]]
}

needs_build() {
    [ ! -f "$SERVER_JAR" ] || [ ! -f "$CLIENT_JAR" ] || [ ! -f "$STAMP" ] && return 0
    [ -n "$(find . -path ./run-data -prune -o -path '*/target' -prune -o \
            \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$STAMP" -print -quit)" ]
}

# A second session reuses the running server and never rebuilds the jars under it.
if ! healthy && needs_build; then
    echo "Building Confab (the first build downloads dependencies and takes a few minutes)..."
    ./mvnw -q -B -DskipTests install
    mkdir -p "$DATA" && touch "$STAMP"
fi

if healthy; then
    echo "Using the Confab server already running at $URL"
else
    mkdir -p "$DATA/server"
    echo "Starting the Confab server at $URL (data in $DATA/server, log in $DATA/server/server.log)..."
    bin/confab-server --bind 127.0.0.1 --port "$PORT" --data-dir "$DATA/server" >>"$DATA/server/server.log" 2>&1 &
    SERVER_PID=$!
    trap 'echo "Stopping the Confab server..."; kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true' EXIT
    for _ in $(seq 1 300); do
        healthy && break
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "The server did not start; the end of its log:" >&2
            tail -n 30 "$DATA/server/server.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    healthy || { echo "The server did not answer on $URL within 30 s" >&2; exit 1; }
    echo "Server ready. It stops when you leave this session."
fi

if [ "$MODE" = shell ]; then
    bin/confab --server "$URL" --profile-dir "$DATA/profiles/$PROFILE" shell
else
    echo "Opening the Confab desktop app for \"$PROFILE\" (close its window to stop)..."
    bin/confab-desktop --server "$URL" --data-dir "$DATA/desktop/$PROFILE"
fi
