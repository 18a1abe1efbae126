# Drives `keyturn --demo` in the Xvfb display of scripts/ui-session.sh, like
# a person would (sourced, not run). Coordinates are the window's, at its
# default size (1180 × 760) with the demo's tips shown; if the layout
# changes, read them again from assets/screenshots/demo.png and form.png.
demo_huawei_y=250       # the profile demo-huawei in the sidebar
instance_y=466          # the DCS form's fields, once the profile is picked
old_password_y=493
new_password_y=518
field_x=530

ui_demo_fill_huawei() {
  ui_click 55 "$demo_huawei_y"   # opens DCS UpdatePassword with the profile
  sleep 0.5
  ui_click "$field_x" "$instance_y"
  ui_key ctrl+a
  ui_type "dcs-demo-1"
  ui_click "$field_x" "$old_password_y"
  ui_key ctrl+a
  ui_type "$1"
  ui_click "$field_x" "$new_password_y"
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
  ui_click "$field_x" "$old_password_y"
  ui_key ctrl+a
  ui_type "Wrong-Pass-9"
  local i
  for i in 1 2 3 4 5; do
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
