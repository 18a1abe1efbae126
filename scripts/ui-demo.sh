# Drives `keyturn --demo` in the Xvfb display of scripts/ui-session.sh, like
# a person would (sourced, not run). Coordinates are the window's, at its
# default size (1180 × 760) with the demo's tips shown.

ui_demo_fill_huawei() {
  ui_click 55 225        # the profile demo-huawei: opens DCS UpdatePassword
  sleep 0.5
  ui_click 530 441       # Instance ID
  ui_key ctrl+a
  ui_type "dcs-demo-1"
  ui_click 530 468       # Old password
  ui_key ctrl+a
  ui_type "$1"
  ui_click 530 493       # New password
  ui_key ctrl+a
  ui_type "$2"
}

# Enter opens the confirmation, Enter confirms; the demo holds each send
# 2 s before it leaves.
ui_demo_send() {
  ui_key Return
  ui_key Return
  sleep 3
}

# One accepted change, then five wrong old passwords: the instance's
# password changes are locked for 5 minutes, with a countdown.
ui_demo_lock_huawei() {
  ui_demo_fill_huawei "Right-Pass-1" "Next-Pass-22"
  ui_demo_send
  ui_click 530 468
  ui_key ctrl+a
  ui_type "Wrong-Pass-9"
  local i
  for i in 1 2 3 4 5; do
    ui_demo_send
  done
}

# Types a Chinese resource id, so the CJK font is looked up and drawn.
ui_demo_show_chinese() {
  ui_click 530 441
  ui_key ctrl+a
  ui_type "实例-旧密码还未失效"
  sleep 0.5
}
