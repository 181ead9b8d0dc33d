# Sourced by test.sh: makes sure the real programs the tests start are installed.

# Prints the Debian packages that are missing, space-separated.
confab_missing_packages() {
    local missing=()
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
    command -v gcc >/dev/null 2>&1 || missing+=(gcc libc6-dev)
    command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
    { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libsrtp2; } || missing+=(libsrtp2-dev)
    command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
    { ldconfig -p 2>/dev/null | grep -q 'libopus\.so\.0 '; } || missing+=(libopus0)
    command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
    command -v turnserver >/dev/null 2>&1 || missing+=(coturn)
    { command -v ip >/dev/null 2>&1 && command -v tc >/dev/null 2>&1; } || missing+=(iproute2)
    command -v iptables >/dev/null 2>&1 || missing+=(iptables)
    [ -x /usr/lib/chromium/chromium ] || missing+=(chromium)
    command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
    command -v pulseaudio >/dev/null 2>&1 || missing+=(pulseaudio)
    { command -v pactl >/dev/null 2>&1 && command -v parec >/dev/null 2>&1; } || missing+=(pulseaudio-utils)
    ls /usr/lib/*/alsa-lib/libasound_module_pcm_pulse.so >/dev/null 2>&1 || missing+=(libasound2-plugins)
    command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
    ldconfig -p 2>/dev/null | grep -q 'libgtk-3\.so\.0 ' || missing+=(libgtk-3-0)
    command -v objcopy >/dev/null 2>&1 || missing+=(binutils)
    command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
    command -v xwininfo >/dev/null 2>&1 || missing+=(x11-utils)
    # The package test installs the client's .deb with dpkg: what it depends on must be here (first alternatives).
    local dependency
    for dependency in $(sed -n 's/^Depends: //p' installer/linux/confab/control | tr -d ' ' | tr ',' '\n' | cut -d'|' -f1); do
        dpkg-query -W -f='${Status}' "$dependency" 2>/dev/null | grep -q 'ok installed' || missing+=("$dependency")
    done
    echo "${missing[@]:-}"
}

confab_install_test_deps() {
    local missing
    missing=$(confab_missing_packages)
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing what the tests need: $missing"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        # shellcheck disable=SC2086
        apt-get install -y -qq --no-install-recommends $missing
    else
        echo "The tests need these packages: $missing" >&2
        echo "Install them (for example: sudo apt-get install $missing) and run ./test.sh again." >&2
        return 1
    fi
}
