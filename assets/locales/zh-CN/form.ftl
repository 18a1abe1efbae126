# 桌面应用表单的简体中文（zh-CN）文本：操作表单及其控件（密码框、规则清单、
# 强度条、倒计时、日期时间）和表单下的请求预览。与 en-US/form.ftl 的 id 和
# 变量一一对应（由测试检查）。

## 剩余时间（src/ui/mod.rs：format_remaining），向上取整到秒。较大单位后的
## 分、秒补足两位（“05”）。

form-remaining-days = { $days } 天 { $hours } 小时
form-remaining-hours = { $hours } 小时 { $minutes } 分
form-remaining-minutes = { $minutes } 分 { $seconds } 秒
form-remaining-seconds = { $seconds } 秒

## 以字段名称描述的资源（src/ui/mod.rs）


## 发送前就被拦下的原因（src/ui/mod.rs：block_words）

form-block-unsettled = 之前对该资源的一次修改（尝试 { $attempt }，开始于 { $time }）结果未知：它的待确认密码可能就是资源现在的密码。请先了结它（在窗口顶部）。
form-block-pending-without-attempt = 系统密钥环中有该资源的一个待确认密码，但日志中没有与之对应的未了结修改；它可能就是资源现在的密码，因此必须先了结
form-block-in-progress = 另一个 Keyturn（窗口或命令）正在修改这个资源
form-block-claimed = { $by } 正在修改这个资源（暂存于 { $time }），可能仍在等待应答：在 { $until } 之前只有对方可以了结它
form-block-locked = 由于旧密码输错，该资源的密码修改已被锁定，直到 { $time }
form-block-old-password-still-valid = 之前的旧密码在 { $time } 之前仍然有效；在此之前云厂商会拒绝新的修改（只修改它的过期时间是允许的）
form-block-throttled = 云厂商要求等到 { $time } 再试

## 表单：标题、账号、字段

form-heading = { $provider } { $product }：{ $api }
form-request = 请求参数
form-account = 云账号
form-access-key = 访问密钥
form-access-key-hover = 该云厂商已保存的配置，或只用于本次调用、临时输入的访问密钥
form-typed-key = 手动输入的密钥（仅本次调用）
form-profile = 配置 { $name }
form-profile-with-key = 配置 { $name }（{ $key }）
form-key-id = AccessKey ID
form-key-id-help = 访问密钥的 ID（不是机密）。
form-key-secret = AccessKey Secret
form-key-secret-help = 只用于本次调用：不会保存，也不会显示。
form-key-looking = 正在{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }中查找密钥…
form-key-found = ✔ 已在{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }中找到访问密钥
form-region = 地域
form-region-help-host = 决定接入地址的主机（并填入地域参数）。
form-region-help-param = 作为该操作的地域参数发送。
form-region-help-header = 在请求的地域请求头中发送。
form-known-regions = 常用地域
form-endpoint-override = 自定义接入地址
form-endpoint-override-help = 用于私网或 VPC 接入地址：https:// 可指向任意主机，http:// 只能指向环回地址。
form-endpoint-from-profile = 配置中的：{ $url }
form-endpoint-default = 该地域的默认地址
form-sends-to = 发送到 { $url }
form-required = 必填
form-advanced = 高级
form-choose = 请选择…
form-choice = { $value }：{ $label }
form-fill-from-keyring = 从系统密钥环填入
form-fill-from-keyring-hover = 使用 Keyturn 为该资源保存的当前密码
form-fill-from-keyring-differs = ⚠ 从系统密钥环填入
form-fill-from-keyring-differs-hover = 输入的旧密码与 Keyturn 为该资源保存的当前密码不同：改用保存的密码

## 新密码、生成器和检查

form-copy = 复制
form-copy-hover = 复制新密码；剪贴板稍后会被清空
form-clipboard-new-password = 新密码
form-only-expiry-keeps-passwords = 只修改过期时间不会改变密码：旧密码和新密码两栏都填集群现在的密码（由 Keyturn 设置的会自动从钥匙串填入）。
form-remove-instead = 改为移除密码
# $means：密码留空的后果，即 catalog.ftl 中的译文（“会移除该组的密码：…”）。
form-empty-password-means = 密码留空{ $means }。
form-will-be-removed = 密码将被移除：这{ $means }。
form-removes-the-password = 会移除密码
form-generate = 生成
form-generate-hover = 填入一个该操作接受的随机密码
form-generate-length = 长度 { $length } 超出了该操作接受的范围（{ $min } 到 { $max }）
form-generator-characters = 个字符
form-generator-length = 生成密码的长度
form-avoid-lookalikes = 避免易混淆的字符
form-avoid-lookalikes-hover = 不使用 I l 1 | O 0 o
form-type-or-generate = 请输入或生成新密码。

## 发送前、发送中、被拦下的发送

form-before-sending = 发送前还需：
form-review-and-send = 检查并发送…
form-review-and-send-hover = 在发送任何请求之前，先准确列出将要修改的内容（在表单的任一输入框中按 Enter 也可）
form-expected-refusal = 预计云厂商现在会拒绝该请求（见下文）。
form-keyturn-refuses = Keyturn 现在不会发送对该资源的修改（见下文）。
form-sent-waiting = 已发送给云厂商，正在等待应答。已无法取消。
form-preparing = 正在准备发送…
form-task-following = 云平台已接受修改，正以任务 { $task } 完成。
form-cancel = 取消
form-cancel-send-hover = 在请求离开本机之前停止
form-known-refusal = Keyturn 已知这次修改现在会被拒绝
form-only-expiry-instead = 改为只修改过期时间
form-only-expiry-instead-hover = 保留密码，只调整旧密码失效的时间
form-only-expiry-set = 已设为只修改旧密码的过期时间：请选择新的过期时间，然后发送。
form-only-expiry-filled = 已填好表单，只修改旧密码的过期时间（模式 2）：请选择新的过期时间，然后发送。
form-not-sent-refused = 未发送：云厂商现在会拒绝这次修改
form-nothing-sent = 未发送任何请求，没有任何修改。
form-send-anyway = 仍然发送…
form-send-anyway-hover = 即使预计云厂商会拒绝，也要发送
form-changed-old-holds-new = 已修改。旧密码输入框现在填的是新密码；如需再次修改，请生成或输入下一个密码。
form-changed-next = 已修改。如需再次修改，请生成或输入下一个密码。
form-changed-old-holds-new-fresh = 已修改。旧密码输入框现在填的是新密码，并已为下一次修改生成新的密码。
form-changed-next-fresh = 已修改。已为下一次修改生成新的密码。
form-secrets-forgotten-idle = 此处输入的密钥和密码已在 { $minutes } 分钟无操作后清除。
form-secrets-forgotten-lock = 屏幕锁定时，此处输入的密钥和密码已清除。

## 发送前还需解决的问题，以字段名称指称字段

form-input-missing = { $field }不能为空
form-input-not-a-choice = { $field }必须是以下之一：{ $allowed }
form-input-bad-date-time = { $field }须按 { $pattern } 格式填写
form-input-expiry-in-past = { $field }已经过去（{ $at }）：请选择一个将来的时间
form-input-unsafe-path-value = { $field }只能包含字母、数字和 - _ . ~
form-input-not-an-id = { $field }只能由{ $describe }组成
form-input-path-id = 1 到 64 个 ASCII 字母、数字、“-”和“_”
form-input-consumer-group-user = 1 到 16 个 ASCII 字母、数字和“_”
form-input-database-account = 1 到 128 个可打印的 ASCII 字符（不含空格）
form-input-empty = { $field }为空
form-input-password-rules = 新密码不符合规则（见规则清单）
form-key-id-required = AccessKey ID 不能为空
form-key-secret-required = AccessKey Secret 不能为空
form-profile-missing = 配置 { $name } 不在配置列表中
form-profile-other-provider = 配置 { $name } 保存的是{ $key_provider }的访问密钥，而这是{ $api_provider }的 API
form-endpoint-region-required = 地域不能为空
form-endpoint-bad-region = { $region } 不是地域名称（只能包含字母、数字和“-”）
form-endpoint-unknown-region = { $op } 在地域 { $region } 没有已知的接入地址：如果该地域存在，请在“自定义接入地址”中填写
form-endpoint-not-a-url = 自定义接入地址：{ $url } 不是有效的 URL
form-endpoint-scheme = 自定义接入地址：必须以 https:// 开头（指向环回地址时可用 http://），不能是 { $scheme }://
form-endpoint-plain-http = 自定义接入地址：明文 http:// 只能用于环回地址（127.0.0.1、::1、localhost），不能用于 { $host }；请使用 https://
form-endpoint-extra-parts = 自定义接入地址：只能包含协议、主机和端口，不能带路径、查询参数或用户名

## 确认（src/ui/form/confirmation.rs、dialog.rs）

form-account-typed = 手动输入的密钥 { $key }（不保存）
form-account-profile = 配置 { $name }（AccessKey ID { $key }）
form-change-remove = 移除密码：这{ $means }。
form-change-only-expiry = 只修改旧密码的过期时间，改为 { $expiry }。密码本身不变。
form-change-with-expiry = 设置新密码。旧密码在 { $expiry } 之前仍然有效。
form-change-plain = 设置新密码。
form-action-remove = 移除密码
form-action-expiry = 修改过期时间
form-action-change = 修改密码
form-confirm-heading = 确认修改
form-confirm-operation = 操作
form-confirm-operation-value = { $api }（{ $provider } { $product }）
form-confirm-account = 云账号
form-confirm-region = 地域
form-confirm-no-region = （无）
form-confirm-endpoint = 接入地址
form-confirm-anyway = 仍然发送：{ $why }
form-confirm-expected-refusal = 预计云厂商会拒绝：{ $why }
form-confirm-weak = ⚠ 新密码强度{ $strength }：用“生成”可以得到一个强密码。
form-confirm-old-differs = ⚠ 输入的旧密码与 Keyturn 为此资源保存的当前密码不同；若它是错的，会被记为一次失败的尝试。
form-confirm-old-differs-tries = ⚠ 输入的旧密码与 Keyturn 为此资源保存的当前密码不同，而服务商说锁定修改前只剩 { $tries } 次尝试：现在输错也会计入。
form-confirm-reused = ⚠ 本次会话中已经把这个新密码设置到 { $other } 上。多个资源共用一个密码，一处泄露就会全部失守。
form-confirm-reuse-accept = 仍在这个资源上设置相同的密码
form-removal-heading = 移除密码？
form-removal-asked-again = 发送任何请求之前还会再次向你确认。
form-removal-keep = 保留密码
form-removal-yes = 是，移除密码

## 控件（src/ui/widgets/）

# 对话框按钮下方的提示；$action 是操作按钮上的文字。
form-widget-confirm-focus = 焦点在“{ $safe }”按钮上：按 Tab 移到“{ $action }”后按 Enter，或直接点击它。按 Esc 等同于“{ $safe }”。
# 倒计时：$left 是剩余时间（“4 分 59 秒”），$running 是届时可以做的事
# （“可以再试”），放在时间之后读作“4 分 59 秒后可以再试”。
form-widget-countdown = { $left }后{ $running }
form-widget-countdown-at = 于 { $time }
form-widget-block-running = 可以再试
form-widget-block-done = 等待已结束：现在可以再试。
form-widget-hide = 隐藏
form-widget-show = 显示
form-widget-hide-hover = 隐藏密码
form-widget-show-hover = 显示密码
form-widget-hide-named = 隐藏{ $field }
form-widget-show-named = 显示{ $field }
form-widget-dismiss = 关闭
form-widget-dismiss-hover = 移除这条消息
form-widget-strength-none = 强度：—
form-widget-strength-not-rated = 强度：不评级，API 会拒绝该密码
form-widget-strength = 强度：{ $label }
form-widget-strength-meter = 密码强度条
form-widget-strength-crack-time = 针对慢哈希的离线破解时间：{ $time }
form-widget-strength-truncated = 按前 { $count } 个字符估算。
# 规则清单的一行：标记（✔、✘ 或 !）和规则，然后是还差什么。
form-widget-rule = { $mark } { $rule }
form-widget-rule-missing = { $mark } { $rule }：{ $missing }
# 不允许的字符：位置、显示密码时的字符本身、原因，以及该操作允许的字符。
form-widget-char = 第 { $position } 个字符
form-widget-char-named = 第 { $position } 个字符 '{ $char }'
form-widget-char-refused = { $mark } { $character }：{ $reason }；只能使用{ $allowed }{ $more }
form-widget-char-warning = { $mark } { $character }：{ $reason }{ $more }
form-widget-char-more = （另有 { $count } 个）
form-widget-allowed-printable = 字母、数字和可打印的 ASCII 符号（不含空格）
form-widget-allowed-alnum = 字母和数字
form-widget-allowed-alnum-and = 字母、数字和 { $symbols }
form-widget-allowed-any = 除控制字符外的任何字符
# 旧密码过期时间的日期时间输入框。
form-widget-zone = { $name }（UTC{ $offset }）
form-widget-zone-hover = 云厂商按这个时区解读该时间。
form-widget-pick-date-hover = 选择日期；时刻保持不变
form-widget-now = 现在
form-widget-now-hover = 设为现在
form-widget-plus-hours = +{ $count } 小时
form-widget-plus-hours-hover = 设为 { $count } 小时后
form-widget-plus-days = +{ $count } 天
form-widget-plus-days-hover = 设为 { $count } 天后
form-widget-in = { $left }后
form-widget-already-past = 已经过去
form-widget-times-when = { $times }（{ $when }）
form-widget-write-as = 请按 { $pattern } 格式填写

## 请求预览（src/ui/preview.rs）

form-preview = 预览请求
form-preview-fill-in = 填好表单后即可预览它将发送的请求。
form-preview-sign = 生成签名预览
form-preview-sign-hover = 按现在发送时的样子为请求签名；不会发送任何内容
form-preview-copy-command = 复制为命令行
form-preview-copy-command-hover = 用 `keyturn request` 命令完成同样的修改；密码等机密从环境变量读取
form-preview-the-command-line = 命令行
form-preview-show-passwords = 显示密码
form-preview-shown-name = 已签名的请求（显示密码）
form-preview-cannot-sign = 无法生成签名预览：{ $error }
form-preview-as-command = 命令行形式：
# 命令行中的注释（跟在“# ”之后）。
form-preview-export-empty = { $label }：请设为空字符串（export { $var }=）
form-preview-export-first = 请先导出以下变量（机密绝不写在命令行上）：
form-preview-export-example = 例如：read -rs { $var } && export { $var }
form-preview-prints = 打印签名后的请求；加上 --send 才会发送。
form-connection-edit-hover = 此资源的服务本身的监听地址，用于测试已保存的密码：在“凭据”视图中编辑
