#!/usr/bin/env bash
# Prints the home directory of a JDK that can build and run iobench (Java 21 or newer)
# and exits 0; otherwise prints one line saying so to stderr and exits 1.
#
# Where it looks, in this order:
#   1. $JAVA_HOME, if it holds a JDK (bin/java and bin/javac) of version >= 21;
#   2. the newest JDK >= 21 under the usual install roots: /usr/lib/jvm, /usr/java,
#      /opt/java, /opt, /Library/Java/JavaVirtualMachines (*/Contents/Home) and
#      ~/.sdkman/candidates/java;
#   3. the `javac` on PATH, if its java is >= 21 (home = two levels above the real javac).
#
# Settings (environment):
#   IOBENCH_MIN_JAVA           lowest accepted feature version (default 21)
#   IOBENCH_JDK_SEARCH_ROOTS   colon-separated roots to search instead of the list in 2.
#                              (for tests, or for unusual installs)
#
# Needs bash and coreutils only.
set -u

min=${IOBENCH_MIN_JAVA:-21}
default_roots="/usr/lib/jvm:/usr/java:/opt/java:/opt:/Library/Java/JavaVirtualMachines:${HOME:-/nonexistent}/.sdkman/candidates/java"
roots=${IOBENCH_JDK_SEARCH_ROOTS:-$default_roots}

# Feature version of the java launcher $1 ("17.0.15" -> 17, "21" -> 21, "25.0.1" -> 25,
# "1.8.0_392" -> 8, "21-ea" -> 21), or nothing if it does not run.
java_feature() {
    local out line ver
    out=$("$1" -version 2>&1) || return 1
    # First line looks like: openjdk version "17.0.15" 2025-04-15   (or: java version "1.8.0_392")
    while IFS= read -r line; do
        case $line in
            *' version "'*)
                ver=${line#*version \"}
                ver=${ver%%\"*}
                break ;;
        esac
    done <<<"$out"
    [ -n "${ver:-}" ] || return 1
    case $ver in 1.*) ver=${ver#1.} ;; esac
    ver=${ver%%[!0-9]*}
    [ -n "$ver" ] || return 1
    printf '%s\n' "$ver"
}

# Prints the feature version of the JDK at home $1 if it is a JDK (has java and javac).
jdk_feature() {
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
    java_feature "$1/bin/java"
}

seen_versions=""   # what was found but too old, for the error message
note_old() {       # $1 version, $2 where
    seen_versions="${seen_versions:+$seen_versions, }Java $1 at $2"
}

best_home="" best_ver=0 visited=":"

# 1. JAVA_HOME
if [ -n "${JAVA_HOME:-}" ]; then
    visited=":$(readlink -f "$JAVA_HOME" 2>/dev/null || printf '%s' "$JAVA_HOME"):"
    if v=$(jdk_feature "$JAVA_HOME") && [ "$v" -ge "$min" ]; then
        printf '%s\n' "$JAVA_HOME"
        exit 0
    elif [ -n "${v:-}" ]; then
        note_old "$v" "$JAVA_HOME"
        echo "find-jdk: ignoring JAVA_HOME=$JAVA_HOME (Java $v, iobench needs $min+)" >&2
    else
        echo "find-jdk: ignoring JAVA_HOME=$JAVA_HOME (not a JDK: needs bin/java and bin/javac)" >&2
    fi
fi

# 2. The newest JDK under the install roots.
IFS=: read -r -a root_list <<<"$roots"
for root in "${root_list[@]}"; do
    [ -d "$root" ] || continue
    for dir in "$root"/*; do
        for home in "$dir" "$dir/Contents/Home"; do
            [ -x "$home/bin/javac" ] || continue
            real=$(readlink -f "$home") || continue
            case $visited in *":$real:"*) continue ;; esac
            visited="$visited$real:"
            v=$(jdk_feature "$real") || continue
            if [ "$v" -ge "$min" ]; then
                if [ "$v" -gt "$best_ver" ]; then best_ver=$v best_home=$real; fi
            else
                note_old "$v" "$real"
            fi
        done
    done
done
if [ -n "$best_home" ]; then
    printf '%s\n' "$best_home"
    exit 0
fi

# 3. javac on PATH.
if javac_path=$(command -v javac 2>/dev/null) && real=$(readlink -f "$javac_path"); then
    home=${real%/bin/javac}
    if [ "$home" != "$real" ]; then
        case $visited in
            *":$home:"*) ;;   # already looked at
            *)
                if v=$(jdk_feature "$home"); then
                    if [ "$v" -ge "$min" ]; then
                        printf '%s\n' "$home"
                        exit 0
                    fi
                    note_old "$v" "$home"
                fi ;;
        esac
    fi
fi

where="JAVA_HOME"
for root in "${root_list[@]}"; do
    [ -n "$root" ] || continue
    [ -n "${HOME:-}" ] && [ "$HOME" != / ] && case $root in "$HOME"/*) root="~${root#"$HOME"}" ;; esac
    where="$where, $root"
done
where="$where or PATH"
found=""
[ -n "$seen_versions" ] && found=" (found only $seen_versions)"
echo "iobench needs a JDK $min or newer; none found in $where$found — install one (e.g. Temurin 21) and set JAVA_HOME" >&2
exit 1
