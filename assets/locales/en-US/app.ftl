# The desktop app's window in English (en-US): the views and menus, the
# sidebar, results, open changes, history and credentials. zh-CN/app.ftl
# has the same ids with the same variables (a test checks). Ids start with
# "app-"; what the core says (rules, outcomes, errors) is in keyturn.ftl.

## The window: its views and the View menu

app-view-change = Change a password
app-view-credentials = Credentials
app-view-history = History
app-menu-view = View
app-menu-view-hint = Language, theme and zoom (Ctrl + and Ctrl − zoom, Ctrl 0 resets)
app-menu-language = Language
app-menu-language-system = As the system
app-menu-theme = Theme
app-menu-theme-system = As the system
app-menu-theme-light = Light
app-menu-theme-dark = Dark
app-menu-zoom = Zoom
app-window-failed = could not open the window: { $error }
