# The desktop app's forms in English (en-US): one operation's form, its
# widgets (password field, rule checklist, strength bar, countdowns, date
# and time) and the request preview under it. zh-CN/form.ftl has the same
# ids with the same variables (a test checks). Ids start with "form-".
