# 桌面应用窗口的简体中文（zh-CN）文本：视图与菜单、侧栏、结果、未决变更、
# 历史与凭据。与 en-US/app.ftl 的 id 和变量一一对应（由测试检查）。

## 窗口：视图与“显示”菜单

app-view-change = 修改密码
app-view-credentials = 凭据
app-view-history = 历史记录
app-menu-view = 显示
app-menu-view-hint = 语言、主题与缩放（Ctrl + 和 Ctrl − 缩放，Ctrl 0 还原）
app-menu-language = 语言
app-menu-language-system = 跟随系统
app-menu-theme = 主题
app-menu-theme-system = 跟随系统
app-menu-theme-light = 浅色
app-menu-theme-dark = 深色
app-menu-zoom = 缩放
app-window-failed = 无法打开窗口：{ $error }
