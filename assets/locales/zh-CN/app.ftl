# 桌面应用窗口的简体中文（zh-CN）文本：视图与菜单、侧栏、结果、未决变更、
# 历史与凭据。与 en-US/app.ftl 的 id 和变量一一对应（由测试检查）。

## 窗口：视图与“视图”菜单

app-window-name = Keyturn
app-view-change = 修改密码
app-view-credentials = 凭据
app-view-history = 历史记录
app-menu-view = 视图
app-menu-view-hint = 语言、主题与缩放（Ctrl + 和 Ctrl − 缩放，Ctrl 0 还原）
app-menu-language = 语言
app-menu-language-system = 跟随系统
app-menu-theme = 主题
app-menu-theme-system = 跟随系统
app-menu-theme-light = 浅色
app-menu-theme-dark = 深色
app-menu-zoom = 缩放
app-menu-zoom-in = 放大
app-menu-zoom-out = 缩小
app-menu-zoom-reset = 实际大小
app-demo-title = Keyturn — 演示（模拟的云，假的密钥）
app-window-failed = 无法打开窗口（系统的说明：{ $error }）

## Shared by the panels

app-profile-named = 配置 { $name }
app-profile-with-key = 配置 { $name }（访问密钥 { $key }）
app-typed-key = 手动输入的访问密钥 { $key }
# 倒计时写作“4 分 59 秒后<running>”，结束后显示另一句。
app-countdown-locked = 可以再次尝试修改密码
app-countdown-previous-old-password = 之前的旧密码失效

## Sidebar

app-sidebar-profiles = 配置
app-sidebar-reload = 刷新
app-sidebar-reload-hover = 重新读取配置列表
app-sidebar-reload-name = 刷新配置列表
app-sidebar-reading = 正在读取配置…
app-sidebar-failed = 无法读取配置列表：
app-sidebar-none = 还没有配置。
app-sidebar-none-hint = 可在“凭据”中添加或导入配置，也可以直接在表单中填写访问密钥。
app-sidebar-profile-hover = { $provider } 访问密钥 { $key }
app-sidebar-profile-hover-region = { $provider } 访问密钥 { $key }，地域 { $region }
app-sidebar-operations = 操作

## Results

app-results-heading = 结果
app-results-nothing-yet = 本次会话还没有发送过请求。
app-results-earlier = 本次会话中较早的请求
app-results-state-waiting = 等待中
app-results-state-cancelled = 已取消
app-results-state-not-sent = 未发送
app-results-state-blocked = 未发送（会被拒绝）
app-results-operation = { $api }（{ $provider } { $product }）
app-results-waiting-answer = 已发送，正在等待云厂商的应答…
app-results-preparing = 正在准备发送…
app-results-cancelled = 已在发送前取消
app-results-nothing-changed = 未发送任何请求，一切保持不变。
app-results-task-running = 云平台正以任务 { $task } 完成这次修改；任务完成后密码才会改变。
app-results-not-sent = 未发送
app-results-blocked = 未发送：云厂商现在会拒绝这次修改
app-results-passwords = 密码：{ $keyring }
app-results-tries-left = 密码修改被锁定前还可以尝试 { $count } 次
app-results-check-current = 请先核对当前密码，再重试。
app-results-lock-ended = 锁定已结束：现在可以再次尝试修改密码。
app-results-lock-no-end = 云厂商没有说明锁定多久。
app-results-previous-expired = 之前的旧密码已过期：现在可以发送新的修改。
app-results-no-until = 云厂商没有说明到何时为止。
app-results-only-expiry = 只修改过期时间（模式 2）
app-results-only-expiry-hover = 在表单中填好，改为只调整旧密码的过期时间
app-results-try-again = 可以重试
app-results-may-try-again = 现在可以重试了。
app-results-wait = 请稍等片刻再重试。
app-results-unknown = 新密码已作为待确认密码保存在{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }中：请用它连接以确认，然后在窗口顶部了结这次修改。
app-results-not-changed = 密码没有修改。
app-results-code = 错误码：{ $value }
app-results-message = 消息：{ $value }
app-results-request-id = 请求 ID：{ $value }
app-results-task-id = 任务 ID：{ $value }
app-results-http-status = HTTP 状态码：{ $value }
app-results-answered-at = 应答时间：{ $value }
app-results-account = 访问密钥：{ $value }
app-results-region = 地域：{ $value }
app-results-endpoint = 接入地址：{ $value }

## Changes with an unknown result (the banner at the top)

app-recovery-journal-failed = 无法读取轮换日志：{ $error }
app-recovery-ok = 知道了
app-recovery-heading = 有 { $count } 次密码修改结果未知
app-recovery-more = 另有 { $count } 次结果未知的修改
app-recovery-cannot-check = 这些 API 都无法读回密码：“查明”会用待确认的密码登录“凭据”中“连接…”保存的服务地址；也可以自己用它连接资源（可在“凭据”中显示或复制它），然后再选择。
app-recovery-open-credentials = 打开凭据
app-recovery-keep = 保留为当前密码…
app-recovery-keep-hover = 你已用待确认的密码连接成功：它将成为当前密码
app-recovery-discard = 丢弃…
app-recovery-discard-hover = 旧密码仍然可用：待确认的密码将被删除
app-recovery-retry = 用同一个新密码重试…
app-recovery-retry-hover = 再次发送同一修改；发送前会先确认
app-recovery-sentence = { $what } 的密码可能已在 { $time } 修改；{ $kept }。
app-recovery-last-answer = 最后一次应答：{ $status }
app-recovery-last-answer-code = 最后一次应答：{ $status }（{ $code }）
app-recovery-sent-no-answer = 已发送，但没有记录到应答（被中断）
app-recovery-not-sent = 在发送前被中断
app-recovery-under-way = 另一个 Keyturn 窗口或命令正在修改它，并会由它完成处理：结束后这里会自动更新。
app-recovery-may-have-been-sent = 本机没有记录：请求可能已经发出
app-recovery-claimed-leased = { $by } 的一次修改，对方可能仍在等待应答：在 { $until } 之前只有对方可以了结它。
app-recovery-claimed-lease-ended = { $by } 的一次修改；租期已于 { $until } 结束：请求可能已经发出。请先连接确认，再保留或丢弃。
app-recovery-theirs = 在 { $until } 之前由 { $by } 了结
app-recovery-no-record = 本机没有记录
app-recovery-attempt = 使用{ $via }；{ $answer }。
app-attempt-id-hover = 日志中的修改 { $id }
app-recovery-endpoint-unknown = 该地域的云厂商接入地址
app-recovery-retry-change = 用同一个新密码（待确认的密码）再次发送同一修改。
app-recovery-resource = 资源：{ $what }
app-recovery-keep-title = 将待确认的密码保留为当前密码？
app-recovery-keep-text = 只有在你已用待确认的密码连接成功时才这样做：它将成为当前密码，原来的当前密码保留为上一个密码。
app-recovery-discard-title = 丢弃待确认的密码？
app-recovery-discard-text = 只有在当前（旧）密码仍然可用时才这样做：待确认的密码将从系统密钥环中删除，且无法恢复。
app-recovery-retry-title = 再次发送同一修改？
app-recovery-retry-text = 将再发送一次相同的请求：新密码仍是同一个（待确认的密码），旧密码使用当前密码。
app-recovery-retry-profile = 访问密钥：配置 { $name }
app-recovery-retry-profile-gone = 配置 { $name } 已不存在：请输入要使用的访问密钥。
app-recovery-retry-typed = 这次修改使用的是手动输入的访问密钥：请再输入一次。
app-recovery-retry-key-id = 重试使用的 AccessKey ID
app-recovery-retry-key-secret = 重试使用的 AccessKey Secret
app-recovery-keep-confirm = 保留为当前密码
app-recovery-discard-confirm = 丢弃待确认的密码
app-recovery-retry-confirm = 再次发送
app-recovery-cancel = 取消
app-recovery-typed-key-not-stored = 手动输入的访问密钥 { $key }（未保存）

## History

app-history-heading = 历史记录
app-history-reload = 刷新
app-history-reload-hover = 重新读取轮换日志
app-history-reload-name = 刷新历史
app-history-intro = Keyturn 尝试过的每一次密码修改，来自轮换日志（日志中不含任何密钥或密码）。
app-history-filter = 资源包含
app-history-reading = 正在读取轮换日志…
app-history-failed = 无法读取轮换日志：{ $error }
app-history-skipped = 已跳过无法读取的一行：{ $line }
app-history-none = 还没有密码修改记录。
app-history-result = 结果：{ $result }
app-history-expiry-changed = 旧密码的过期时间已修改
app-history-changed = 已修改（新密码为当前密码）
app-history-refused = 被云厂商拒绝（已丢弃待确认的密码）
app-history-not-sent = 未发送
app-history-kept = 已由你保留为当前密码
app-history-discarded = 已由你丢弃待确认的密码
app-history-retried = 由之后的重试完成修改（新密码为当前密码）
app-history-retry-failed = 重试没有成功（之前的修改仍未了结）
app-history-nothing-staged = 没有应答（不涉及任何密码）
app-history-settled-elsewhere = 他人的修改，已由其本人了结
app-history-closed = 已了结：{ $how }
app-history-open = 未了结：{ $status }——密码可能已经修改
app-history-open-after-sending = 未了结：发送后被中断
app-history-open-before-sending = 未了结：发送前被中断
app-history-code = 错误码 { $code }
app-history-request = 请求 { $id }
app-history-lock-ended = 锁定已结束。
app-history-throttled = 云厂商重新接受调用
app-history-wait-over = 等待已结束。
app-history-previous-expired = 之前的旧密码已过期。
app-history-old-password-valid = 旧密码（目前仍可使用）失效
app-history-old-password-expired = 旧密码已过期。

## Credentials

app-credentials-heading = 凭据
app-credentials-reading = 正在读取已保存的凭据…
app-credentials-failed = 无法读取配置列表：{ $error }
app-credentials-profiles = 配置
app-credentials-passwords = 已保存的资源密码
app-credentials-add = 添加配置
app-file-dialog-title = 导入 AccessKey CSV 文件
app-file-dialog-csv = CSV 文件
app-file-dialog-all = 所有文件
app-credentials-import = 导入控制台下载的访问密钥文件（CSV）
app-credentials-choose = 请选择…
app-credentials-target-profile = 配置 { $name } 的 AccessKey Secret
app-credentials-target-current = { $what } 的当前密码
app-credentials-target-previous = { $what } 的上一个密码
app-credentials-target-pending = { $what } 的待确认密码
app-credentials-delete-file = 文件 { $file } 仍以明文保存着访问密钥：请删除它。
app-credentials-delete-file-button = 删除该文件…
app-credentials-delete-file-title = 删除 { $file }？
app-credentials-delete-file-text = 密钥已保存在钥匙串中。该文件将从磁盘删除，无法恢复（其他位置的副本、备份或回收站中的不受影响）。
app-credentials-delete-file-confirm = 删除文件
app-credentials-delete-file-keep = 保留
app-credentials-file-deleted = 已删除 { $file }。
app-credentials-no-file-chooser = { $error }：请改为在“文件”框中输入文件路径。
app-credentials-provider = 云厂商
app-credentials-profile-name = 配置名称
app-credentials-default-region = 默认地域
app-credentials-import-profile-name = 导入后的配置名称
app-credentials-import-provider = 导入密钥所属的云
app-credentials-import-region = 导入配置的默认地域
app-credentials-optional = 选填
app-credentials-name-hint = 字母、数字、. _ -
app-credentials-key-id = AccessKey ID
app-credentials-key-secret = AccessKey Secret
app-credentials-project-id = 项目ID
app-credentials-project-id-hint = 默认地域的项目ID
app-credentials-endpoint = 自定义接入地址
app-credentials-endpoint-hint = 选填：https://…
app-credentials-notes = 备注
app-credentials-name-required = 必须填写配置名称
app-credentials-key-id-required = 必须填写 AccessKey ID
app-credentials-key-secret-required = 必须填写 AccessKey Secret
app-credentials-project-needs-region = 填写项目ID时，还需填写它所属的地域
app-credentials-add-button = 添加配置
app-credentials-add-hover = AccessKey Secret 存入系统密钥环，其余信息存入配置列表
app-credentials-import-files = 阿里云的 AccessKey.csv、华为云的 credentials.csv、腾讯云的 SecretKey.csv，或 UCloud 的 PublicKey,PrivateKey 文件。
app-credentials-file = 文件
app-credentials-import-name-hint = 默认：云厂商和用户名
app-credentials-as-the-file-says = 按文件内容判断
app-credentials-import-button = 导入
app-credentials-remove-title = 删除配置 { $name }？
app-credentials-remove-text = 它的 AccessKey Secret 将从系统密钥环中删除。该访问密钥在云厂商处仍然有效；已保存的资源密码会保留。
app-credentials-remove-confirm = 删除配置
app-credentials-remove-keep = 保留
app-credentials-passwords-none = 还没有：修改密码后，资源的密码会保存在这里。
app-credentials-passwords-table = 已保存的密码
app-credentials-column-resource = 资源
app-credentials-column-profile = 配置
app-credentials-column-password-age-oldest = 时长：旧→新
app-credentials-column-password-age-newest = 时长：新→旧
app-credentials-sort-hover = 反转排序
app-credentials-column-current = 当前密码
app-credentials-column-previous = 上一个密码
app-credentials-column-pending = 待定密码
app-credentials-column-old-valid = 旧密码有效至
app-credentials-column-proven = 当前密码验证
app-credentials-old-valid-hover = 服务商让上一个密码在此之前仍然可用。
app-credentials-select-password-hint = 点击一个资源，查看、显示或复制它的密码。
app-credentials-last-rotated = 上次轮换：{ $time }
app-credentials-never-rotated = 从未由 Keyturn 轮换
app-credentials-slot-current = 当前密码
app-credentials-slot-previous = 上一个密码
app-credentials-slot-pending = 待确认密码
app-credentials-slot-set = { $slot }：设置于 { $time }
app-credentials-hide = 隐藏
app-credentials-hide-name = 隐藏{ $what }
app-credentials-reveal = 显示
app-credentials-reveal-name = 显示{ $what }
app-credentials-reveal-hover = 在这里显示，直到你隐藏它
app-credentials-copy = 复制
app-credentials-copy-name = 复制{ $what }
app-credentials-copy-hover = 复制它；它不会进入剪贴板历史，并会在一段时间后被清除
app-credentials-revealed = 已显示：
app-credentials-revealed-name = 已显示：{ $what }
app-credentials-profiles-none = 还没有配置：可在下方添加，或导入控制台下载的 CSV 文件。
app-credentials-profiles-table = 配置
app-credentials-row-name = 配置行 { $name }
app-credentials-column-name = 名称
app-credentials-column-cloud = 云厂商
app-credentials-column-key-id = AccessKey ID
app-credentials-column-region = 地域
app-credentials-column-added = 添加时间
app-credentials-column-used = 上次使用
app-credentials-column-verified = 上次验证
app-credentials-column-rotated = 上次轮换
app-credentials-column-age = 已添加
app-credentials-never = 从未
app-credentials-age-days = { $days } 天
app-credentials-age-hover = 自添加该访问密钥以来的天数：请轮换较旧的访问密钥
app-credentials-select-hint = 点击一个配置，查看其详情和操作。
app-credentials-details = { $name } · { $provider } · 访问密钥 { $key }
app-credentials-fact-project = 项目ID { $id }（地域 { $region }）
app-credentials-fact-endpoint = 接入地址 { $endpoint }
app-credentials-fact-added = 添加于 { $time }
app-credentials-fact-verified = 上次验证于 { $time }：{ $result }
app-credentials-verify = 验证
app-credentials-verify-name = 验证配置 { $name }
app-credentials-verify-hover = 发起一次只读调用，证明该访问密钥可用
app-credentials-remove = 删除…
app-credentials-remove-name = 删除配置 { $name }
app-credentials-verifying = 正在验证…
app-credentials-project-ids-saved = { $result }；已在配置中保存 { $count } 个地域的项目ID

## Clipboard

app-clipboard-unavailable = 剪贴板不可用
app-clipboard-unavailable-because = 剪贴板不可用（系统的说明：{ $error }）
app-clipboard-copy-failed = 无法复制（系统的说明：{ $error }）
app-clipboard-clear-failed = 无法清空剪贴板（系统的说明：{ $error }）
app-clipboard-copied = 已复制{ $what }。
app-clipboard-selection = 密码中选中的部分
app-clipboard-cleared = 已从剪贴板清除{ $what }。
app-clipboard-left-alone = 剪贴板中现在是其他内容，因此未作改动。
app-clipboard-copied-until = 已将{ $what }复制到剪贴板，{ $left }后清除
app-clipboard-clear-now = 立即清除
app-clipboard-clear-after = 复制的密钥和密码自动从剪贴板清除的时间：
app-clipboard-seconds = {" "}秒
app-idle-forget-after = 多久无操作后清除输入的密钥和密码并隐藏已显示的：
app-idle-minutes = {" "}分钟

## What to do about a failed job (after the error itself)

app-remedy-no-config-folder = 。请设置 KEYTURN_CONFIG_DIR 和 KEYTURN_DATA_DIR，然后重新启动 Keyturn
app-remedy-import-provider = （请在上方选择云厂商后重新导入）
app-remedy-no-profile = ；“凭据”中列出了已保存的配置
app-remedy-profile-exists = ；请换一个名称
app-remedy-profile-changed = ；“凭据”视图显示它现在的内容：请重新查看后再修改
app-remedy-secret-missing = 。请在“凭据”中删除该配置，然后重新添加它的访问密钥
app-remedy-duplicate = 。在“凭据”中删除该配置会删除全部条目

## Demo

app-demo-badge = 演示
app-demo-every-call = 所有调用都使用假的访问密钥，发往内置模拟器 { $url }：不会有任何数据离开这台计算机，窗口关闭后也不会保留任何内容。
app-demo-hide-tips = 隐藏提示
app-demo-show-tips = 显示提示
app-demo-how = 在左侧选择一个演示配置，随意填写资源 ID 和密码，然后发送。模拟器会按各云厂商文档所述的方式应答：
app-demo-tip-huawei = 华为云 DCS：发给某个实例的第一个旧密码会成为它的密码；之后连续输错五次，将锁定密码修改 5 分钟，并显示实时倒计时。
app-demo-tip-tcaplusdb = 腾讯云 TcaplusDB：修改后，之前的密码在过期前仍然有效，会显示倒计时和一键“只修改过期时间（模式 2）”按钮。
app-demo-tip-faults = 故障：输入以 fault-reset、fault-slow、fault-malformed、fault-empty、fault-huge、fault-html、fault-5xx 或 fault-503 开头的资源 ID（实例ID、集群ID、组ID、DTS 任务ID或订阅实例ID）。每种故障都会丢失或破坏应答，因此结果未知，新密码会一直是待确认密码，直到你在窗口顶部了结这次修改。
app-demo-tip-cancel = 每次发送前会等待 2 秒，方便你试试“取消”。
app-demo-window-failed = 无法打开窗口（系统的说明：{ $error }）
app-results-settle-remedy = 。请核实，然后在窗口顶部了结这次修改。
app-results-settled-kept = 已了结：待定密码已保留为当前密码。
app-results-settled-discarded = 已了结：待定密码已丢弃，当前密码不变。
app-results-settled-retried = 已了结：用同一新密码重试后已设置成功。
app-results-settled-other = 已了结（{ $how }）。

## 凭据：配置和密码的保存位置

app-store-heading = 配置和密码的保存位置
app-store-keyring = 本机的系统密钥环
app-store-team = 团队存储（OpenBao 或 HashiCorp Vault，KV v2）
app-store-addr = 服务器
app-store-mount = 挂载点
app-store-prefix = 前缀
app-store-namespace = 命名空间
app-store-ca-cert = CA 证书
app-store-ca-cert-hint = 可选：服务器 CA 的 PEM 文件
app-store-token = 令牌
app-store-token-hover = 保存在本机的系统密钥环中，绝不写入文件；留空则使用 VAULT_TOKEN 或 ~/.vault-token
app-store-save = 保存
app-store-save-hover = Keyturn 下次启动时生效；不会复制任何内容（keyturn store migrate 可复制）
app-store-saved = 从下次启动起，配置和密码保存在{ $store }中。没有复制任何内容。

## 验证已保存的密码（凭据视图）
app-credentials-test = 测试
app-credentials-test-name = 测试{ $what }
app-credentials-test-hover = 用这个密码向服务本身登录一次（Redis 的 AUTH + PING，或数据库登录 + SELECT 1）；不会重试，也不会改动任何密码位
app-connection-edit = 连接…
app-connection-edit-name = { $what } 的服务监听地址
app-connection-address = 地址（主机:端口）
app-connection-user = 账号（可选）
app-connection-ca = CA 证书文件（可选）
app-connection-database = 数据库
app-connection-tls = TLS（绝不退回明文）
app-connection-save = 保存连接信息
app-connection-forget = 删除连接信息
app-connection-cancel = 关闭
app-results-test-new = 测试新密码
app-results-test-new-name = 测试 { $what } 的新密码
app-recovery-find-out = 查明
app-recovery-find-out-hover = 用待确认的密码登录（如果服务拒绝它，再用当前密码登录），然后建议保留或丢弃
app-recovery-found-keep = 待确认的密码可用：修改已经生效。要把它保留为当前密码吗？
app-recovery-found-discard = 服务拒绝了待确认的密码，而接受了当前密码：修改没有生效。要丢弃待确认的密码吗？
app-recovery-found-neither = 待确认的密码和当前密码都没有被证明可用：没有做任何改动。
app-results-test-every-change = 每次修改后测试新密码
app-recovery-tested-pending = 待确认的密码：{ $found }
app-recovery-tested-current = 当前密码：{ $found }
