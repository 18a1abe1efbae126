# The desktop app's window in English (en-US): the views and menus, the
# sidebar, results, open changes, history and credentials. zh-CN/app.ftl
# has the same ids with the same variables (a test checks). Ids start with
# "app-"; what the core says (rules, outcomes, errors) is in keyturn.ftl.
