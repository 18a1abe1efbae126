# Shared by scripts/measure-ui and scripts/screenshots (sourced, not run):
# installs what a real window under Xvfb needs, builds the binary as it ships,
# starts a private Xvfb display, and starts and drives
# the app in it.
#
# Everything the app writes (profile index, journal, the window's choices)
# goes to a temporary folder; the demo keeps its keys in memory, and the
# plain app is started with an empty profile index, so no keyring is used.

ui_packages=(
  "Xvfb:xvfb"
  "xauth:xauth"
  "xdotool:xdotool"
  "import:imagemagick"
  "xwininfo:x11-utils"
  "fc-match:fontconfig"
)
# Libraries the window loads at run time (file : package).
ui_libraries=(
  "/usr/lib/x86_64-linux-gnu/libX11-xcb.so.1:libx11-xcb1"
  "/usr/lib/x86_64-linux-gnu/libXcursor.so.1:libxcursor1"
  "/usr/lib/x86_64-linux-gnu/libXi.so.6:libxi6"
  "/usr/lib/x86_64-linux-gnu/libxkbcommon-x11.so.0:libxkbcommon-x11-0"
)

ui_install() {
  local missing=() pair
  for pair in "${ui_packages[@]}"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  if [ "$(uname -m)" = x86_64 ]; then
    for pair in "${ui_libraries[@]}"; do
      [ -e "${pair%%:*}" ] || missing+=("${pair#*:}")
    done
  fi
  if ! fc-list :lang=zh-cn file 2>/dev/null | grep -q .; then
    missing+=("fonts-wqy-microhei")
  fi
  if ! command -v cc >/dev/null 2>&1; then
    missing+=("build-essential" "pkg-config")
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "missing system packages: ${missing[*]} (run as root to install them)" >&2
      exit 1
    fi
  fi
}

ui_build() {
  # Examples build with the dev-dependencies' features (egui_kittest's),
  # which would change the binary if built in the same run: so they are
  # built on their own, and the binary is built as it ships (the `dist`
  # profile, as scripts/build-deb builds it).
  if [ $# -gt 0 ]; then
    cargo build --locked --profile dist --quiet "$@"
  fi
  cargo build --locked --profile dist --quiet --bin keyturn
  KEYTURN_BIN="${CARGO_TARGET_DIR:-target}/dist/keyturn"
  EMPTY_WINDOW_BIN="${CARGO_TARGET_DIR:-target}/dist/examples/empty_window"
  [ -x "$KEYTURN_BIN" ] || { echo "no binary at $KEYTURN_BIN" >&2; exit 1; }
}

# A private X display, and a folder for everything.
ui_start_display() {
  UI_TMP=$(mktemp -d)
  local d
  for d in $(seq 90 130); do
    [ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ] || break
  done
  Xvfb ":$d" -screen 0 1280x800x24 -nolisten tcp >"$UI_TMP/xvfb.log" 2>&1 &
  UI_XVFB_PID=$!
  export DISPLAY=":$d"
  for _ in $(seq 100); do
    xdpyinfo >/dev/null 2>&1 || xwininfo -root >/dev/null 2>&1 && break
    sleep 0.05
  done
  trap ui_cleanup EXIT
  # X11 only, no desktop's settings.
  unset WAYLAND_DISPLAY
  export XDG_DATA_HOME="$UI_TMP/data" XDG_CONFIG_HOME="$UI_TMP/config"
  export KEYTURN_CONFIG_DIR="$UI_TMP/keyturn-config" KEYTURN_DATA_DIR="$UI_TMP/keyturn-data"
  mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
}

ui_cleanup() {
  ui_stop_app
  [ -n "${UI_XVFB_PID:-}" ] && kill "$UI_XVFB_PID" 2>/dev/null && wait "$UI_XVFB_PID" 2>/dev/null
  [ -n "${UI_TMP:-}" ] && rm -rf "$UI_TMP"
  return 0
}

# ui_start_app [ARGS...]: starts keyturn with a fresh state, waits for its
# first frame, and sets UI_APP_PID and UI_FIRST_FRAME_MS (from the moment
# before exec to the first frame painted).
ui_start_app() { ui_start_bin "$KEYTURN_BIN" "$@"; }

# ui_start_bin BINARY [ARGS...]: the same for any program that reports its
# first frame the same way (examples/empty_window.rs).
ui_start_bin() {
  local bin=$1
  shift
  rm -rf "$XDG_DATA_HOME/keyturn" "$XDG_DATA_HOME/keyturn demo" "$KEYTURN_CONFIG_DIR" "$KEYTURN_DATA_DIR"
  local log="$UI_TMP/app.log" start line
  : >"$log"
  start=$(date +%s%6N)
  KEYTURN_REPORT_FIRST_FRAME=every "$bin" "$@" >>"$log" 2>&1 &
  UI_APP_PID=$!
  for _ in $(seq 600); do
    line=$(grep -m1 '^keyturn: first frame painted at unix_us=' "$log" || true)
    [ -n "$line" ] && break
    kill -0 "$UI_APP_PID" 2>/dev/null || { cat "$log" >&2; echo "keyturn exited early" >&2; exit 1; }
    sleep 0.01
  done
  [ -n "$line" ] || { cat "$log" >&2; echo "no first frame within 6 s" >&2; exit 1; }
  UI_FIRST_FRAME_MS=$(( (${line##*=} - start) / 1000 ))
  UI_WINDOW=$(xdotool search --sync --onlyvisible --pid "$UI_APP_PID" 2>/dev/null | head -1)
  # No window manager gives it the keyboard focus: give it.
  xdotool windowfocus --sync "$UI_WINDOW" 2>/dev/null || true
}

ui_stop_app() {
  if [ -n "${UI_APP_PID:-}" ]; then
    kill "$UI_APP_PID" 2>/dev/null || true
    wait "$UI_APP_PID" 2>/dev/null || true
    UI_APP_PID=
  fi
}

# Clicks at window coordinates (the window sits at the screen's top left).
ui_click() { xdotool mousemove --sync "$1" "$2" click 1; sleep 0.15; }
ui_type() { xdotool type --delay 8 -- "$1"; sleep 0.1; }
ui_key() { xdotool key "$@"; sleep 0.15; }
# Moves the pointer off the window, so no hover keeps anything lit.
ui_park_pointer() { xdotool mousemove --sync 1270 790; sleep 0.2; }
ui_screenshot() { import -window root "$1"; }

# Frames the app has begun since it started (after the first).
ui_frames() { grep -c '^keyturn: frame at unix_us=' "$UI_TMP/app.log" || true; }

# utime + stime of a process, in clock ticks.
ui_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
