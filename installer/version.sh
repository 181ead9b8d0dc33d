# Sourced by the package build: the version of this build, the same for every build of one commit.
#
#   CONFAB_VERSION          what `confab --version` prints and the portable images are named by:
#                           0.1.0 on a commit tagged v0.1.0, else 0.1.0-dev.<commits>+<commit> (".dirty" after it
#                           when the work tree has uncommitted changes), from the POM's 0.1.0-SNAPSHOT
#   CONFAB_DEB_VERSION      the same for Debian, where a development build sorts before its release (~ for -)
#   CONFAB_NUMERIC_VERSION  <major>.<minor>.<commits>: for jpackage, MSI and macOS bundles, which take numbers only
#   CONFAB_BUILD_NUMBER     the number of commits up to this one
#   SOURCE_DATE_EPOCH       the commit's time: the date written into the packages, so they do not change with the clock
#
# Without git history (a source tarball) the build number is 0 and the version says "unknown commit".

confab_version() {
    local root="$1" base commits commit tag dirty=""
    base=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -n1)
    base="${base%-SNAPSHOT}"
    if git -C "$root" rev-parse --verify -q HEAD >/dev/null 2>&1; then
        commits=$(git -C "$root" rev-list --count HEAD)
        commit=$(git -C "$root" rev-parse --short=10 HEAD)
        tag=$(git -C "$root" tag --points-at HEAD --list "v$base" | head -n1)
        git -C "$root" diff --quiet HEAD -- 2>/dev/null || dirty=".dirty"
        SOURCE_DATE_EPOCH=$(git -C "$root" log -1 --format=%ct HEAD)
        if [ -n "$tag" ] && [ -z "$dirty" ]; then
            CONFAB_VERSION="$base"
        else
            CONFAB_VERSION="$base-dev.$commits+$commit$dirty"
        fi
    else
        commits=0
        SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-0}"
        CONFAB_VERSION="$base-dev+unknown-commit"
    fi
    CONFAB_DEB_VERSION="${CONFAB_VERSION/-/\~}"
    CONFAB_NUMERIC_VERSION="${base%.*}.$commits"
    CONFAB_BUILD_NUMBER="$commits"
    export CONFAB_VERSION CONFAB_DEB_VERSION CONFAB_NUMERIC_VERSION CONFAB_BUILD_NUMBER SOURCE_DATE_EPOCH
}
