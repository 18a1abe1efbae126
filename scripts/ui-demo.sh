# Drives `keyturn --demo` in the Xvfb display of scripts/ui-session.sh, like
# a person would (sourced, not run). Coordinates are the window's, at its
# default size (1180 × 760), where the demo's tips start folded; if the
# layout changes, read them again from assets/screenshots/form.png.
# ui_demo_layout DY [SIDE] moves every row down by DY points (in a narrower
# window the demo band takes two lines), and the sidebar's demo-huawei by
# SIDE (the profiles' key lines wrap in a narrower sidebar; DY if not given).
ui_demo_layout() {
  local dy=${1:-0}
  local side=${2:-$dy}
  demo_huawei_y=$((130 + side)) # the profile demo-huawei in the sidebar
  instance_y=$((347 + dy))      # the DCS form's fields, once the profile is picked
  old_password_y=$((373 + dy))
  new_password_y=$((399 + dy))
}
ui_demo_layout 0
field_x=500
tips_x=985              # the demo band's Show tips / Hide tips
tips_y=16

# Types into the field at window row $1, replacing what is there.
ui_demo_type_at() {
  ui_click "$field_x" "$1"
  ui_key ctrl+a
  ui_type "$2"
}

# Picks demo-huawei (which opens DCS UpdatePassword with its profile) and
# fills instance, old ($1) and new ($2) passwords.
ui_demo_fill_huawei() {
  ui_click 55 "$demo_huawei_y"
  sleep 0.5
  ui_demo_type_at "$instance_y" "dcs-demo-1"
  ui_demo_type_at "$old_password_y" "$1"
  ui_demo_type_at "$new_password_y" "$2"
}

# Enter in the new-password field opens the confirmation with Cancel
# focused; Tab moves to the action and Enter confirms. The demo holds each
# send 2 s before it leaves.
ui_demo_send() {
  ui_click "$field_x" "$new_password_y"
  ui_key Return
  sleep 0.3
  ui_key Tab
  ui_key Return
  sleep 3
}

# One accepted change, then five wrong old passwords: the instance's
# password changes are locked for 5 minutes, with a countdown. After the
# success the form empties the new-password field, so each try types one.
ui_demo_lock_huawei() {
  ui_demo_fill_huawei "Right-Pass-1" "Next-Pass-22"
  ui_demo_send
  local i
  for i in 1 2 3 4 5; do
    ui_demo_type_at "$old_password_y" "Wrong-Pass-9"
    ui_demo_type_at "$new_password_y" "Other-Pass-5$i"
    ui_demo_send
  done
}

# Types a Chinese resource id, so the CJK font is looked up and drawn.
ui_demo_show_chinese() {
  ui_click "$field_x" "$instance_y"
  ui_key ctrl+a
  xdotool type --delay 60 -- "实例-旧密码还未失效"
  sleep 0.5
}
