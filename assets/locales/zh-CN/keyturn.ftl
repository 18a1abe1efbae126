# Keyturn 的简体中文（zh-CN）消息。与 en-US/keyturn.ftl 的消息 id 和变量
# 一一对应（有测试检查）。术语按各云厂商中文控制台的用法：访问密钥
# （AccessKey）、实例、集群、消费组、地域、项目ID、系统密钥环。
#
# 供程序读取的内容不在此翻译：--json 输出、退出码、接口字段名、日志
# （journal）、索引文件，以及模拟器的 "listening on" 和 "key id:" 行。

## Lists and shared words

list-separator = 、
list-and = { $rest }和{ $last }
# 列出候选项时不用“或”：“包含小写字母、大写字母、数字中的 2 类”。
list-or = { $rest }、{ $last }

provider-alibaba = 阿里云
provider-huawei = 华为云
provider-ucloud = UCloud
provider-tencent = 腾讯云

## Errors of the command line

error-line = 错误：{ $message }
warning-line = 警告：{ $message }
note-line = 提示：{ $message }
error-stdout = 无法写入标准输出（系统的说明：{ $error }）
error-stdin = 无法读取标准输入（系统的说明：{ $error }）
error-prompt-nothing-typed = 未输入任何内容（提示已被 Ctrl+D 结束）
error-unknown-operation = 没有操作 { $id }；`keyturn ops` 可列出全部操作
error-lang-unknown = KEYTURN_LANG 的值 { $value } 不是 Keyturn 支持的语言（en、zh-CN），已忽略
error-stdin-too-long = 标准输入的这一行太长（超过 { $kib } KiB）
error-stdin-not-utf8 = 标准输入不是 UTF-8 文本
error-env-not-set = { $what }：未设置环境变量 { $var }
error-env-not-utf8 = { $what }：环境变量 { $var } 不是有效的 UTF-8
what-access-key-secret = AccessKey Secret

## 已保存的凭据：出了什么问题（核心的措辞；各前端另行补充解决办法）

vault-no-profile = 没有名为 { $name } 的配置
vault-profile-exists = 名为 { $name } 的配置已存在
vault-team-profile-exists = 团队存储中已有名为 { $name } 的配置，由 { $by } 于 { $at } 写入（版本 { $version }）；没有替换任何内容
vault-profile-changed = 自读取以来，配置 { $name } 已在团队存储中被他人修改；没有写入任何内容
vault-profile-unreadable = 团队存储中配置 { $name } 的条目含有本版本 Keyturn 无法读取的字段（由更新版本的 Keyturn 写入，或被手工修改）；未做任何改动
vault-bad-name = 配置名称只能使用字母、数字、“.”、“_”和“-”（1 到 64 个字符），不能是 { $name }
vault-name-differs-in-case = 名为 { $existing } 的配置已存在，{ $name } 与它只有大小写不同；macOS 和 Windows 的系统密钥环会把它们当成同一个，请换一个名称
vault-no-resource = 没有为 { $key } 保存的密码
vault-secret-missing = 系统密钥环中没有 { $what } 的密钥：它可能已在 Keyturn 之外被删除
vault-no-secret-service =
    没有正在运行的 Secret Service，无法使用系统密钥环（系统的说明：{ $detail }）。
    在桌面上，请登录带有 GNOME Keyring 或 KDE Wallet 的会话。通过 SSH 或在裸会话中，可以这样启动一个：
      dbus-run-session -- sh -c 'gnome-keyring-daemon --unlock --components=secrets; exec $SHELL'
    Keyturn 绝不会改为把密钥保存在文件中。
vault-keyring-locked =
    系统密钥环已锁定，或访问被拒绝（系统的说明：{ $detail }）。
    请在桌面提示时解锁（或在“密码和密钥”/“钥匙串访问”中解锁），然后重试。
vault-not-text = 系统密钥环中 { $what } 的条目不是文本；Keyturn 不会改动它
vault-not-keyturns = 系统密钥环中 { $what } 的条目不是 Keyturn 写入的内容；Keyturn 不会改动它
vault-no-store-set-up = 本进程没有设置凭据存储
profile-empty-secret = AccessKey Secret 为空；没有保存任何内容
profile-bad-key-id = AccessKey ID 为空或含有控制字符
profile-nothing-changed = 没有任何修改
vault-keyring = 系统密钥环出错（系统的说明：{ $detail }）
entry-profile-secret = 配置 { $name }
entry-own = 本机密钥环条目 { $user }
entry-passwords = { $key } 的密码
entry-legacy-slot = { $key } 的{ $slot }（旧格式）
entry-slot-current = 当前密码
entry-slot-previous = 上一个密码
entry-slot-pending = 待确认密码
vault-duplicate = 系统密钥环中 { $what } 有 { $count } 个条目，而 Keyturn 只保存一个（可能是其他程序或之前的故障添加的）；Keyturn 不会读取其中任何一个
vault-index-corrupt =
    无法读取索引文件 { $path }（解析器的说明：{ $detail }）。
    该文件未被改动。请手动修复，或把它移到别处以新建一个（密钥仍保存在系统密钥环中）。
vault-index-not-text =
    无法读取索引文件 { $path }：它不是 UTF-8 文本。
    该文件未被改动。请手动修复，或把它移到别处以新建一个（密钥仍保存在系统密钥环中）。
vault-index-too-new = 索引文件 { $path } 由更新版本的 Keyturn 写入（格式 { $found }；本版本最多读取 { $supported }）；该文件未被改动
vault-index-refused = 无法使用索引文件 { $path }：{ $detail }。该文件未被改动。
vault-io-create = 无法创建文件夹 { $path }（系统的说明：{ $error }）
vault-io-encode = 无法编码 { $path }（系统的说明：{ $error }）
vault-io-lock = 无法锁定 { $path }（系统的说明：{ $error }）
vault-io-open = 无法打开 { $path }（系统的说明：{ $error }）
vault-io-read = 无法读取 { $path }（系统的说明：{ $error }）
vault-io-write = 无法写入 { $path }（系统的说明：{ $error }）
vault-no-home = 找不到配置文件夹：请设置 KEYTURN_CONFIG_DIR 和 KEYTURN_DATA_DIR

## 命令行在凭据出错后给出的解决办法

remedy-no-profile = ；`keyturn profile list` 可列出全部配置
remedy-profile-exists = ；如需修改，请使用 `keyturn profile edit`
remedy-team-profile-exists = ；`keyturn profile show NAME` 可查看它，`keyturn profile add NAME --replace` 只替换它所显示的那个版本
remedy-profile-changed = ；`keyturn profile show NAME` 显示它现在的内容：请查看后再试
remedy-no-resource = ；`keyturn password list` 可列出已保存的密码
remedy-unknown-region = ；如果该地域存在，请用 --endpoint https://… 指定其接入地址
remedy-secret-missing =
    。
    请用 `keyturn profile edit NAME --secret` 重新保存，或删除该条目。
remedy-duplicate = 。删除该配置（`keyturn profile remove NAME`）会删除全部条目；`secret-tool search --all service keyturn` 可列出它们

input-missing = 必须填写 { $field }
input-not-a-choice = { $field } 必须是以下之一：{ $allowed }
input-bad-date-time = { $field } 必须是 { $pattern } 格式的时间
input-control-character = { $field } 含有控制字符（换行、制表符或转义符）
input-secret-as-plain-text = { $field } 是密码，不能以明文给出
input-region-as-field = 请用 --region 指定地域，而不是通过字段 { $field }
input-unknown-field = { $op } 没有字段 { $name }；它的字段有：{ $known }
input-empty-not-confirmed = { $field } 留空{ $means }；如确实需要，请明确确认
input-password-rules = 新密码不符合 { $op } 的规则
input-expiry-in-past = { $field } 已经过去（{ $at }）：必须是一个将来的时间
input-unsafe-path-value = { $field } 只能包含字母、数字和 - _ . ~
input-not-an-id = { $field } 只能由{ $describe }组成

## Password rules

class-lower = 小写字母
class-upper = 大写字母
class-digit = 数字
class-special = 特殊字符
class-letter = 字母

rule-length-range = { $min } 到 { $max } 个字符
rule-length-min = 至少 { $min } 个字符
rule-length-some-versions = { $min } 到 { $max } 个字符（部分版本最多接受 { $some } 个）
rule-classes-all = 包含{ $classes }
rule-classes-some = 包含{ $classes }中的至少 { $count } 类
rule-alphabet = 只含允许的字符
rule-version-dependent = 不含部分版本会拒绝的字符
rule-differs = 与当前密码不同
rule-not-first = 不以 { $chars } 开头
rule-with-shortfall = { $rule }：{ $shortfall }

shortfall-add-characters = 还需 { $count } 个字符
shortfall-remove-characters = 需删去 { $count } 个字符
shortfall-add-classes = 还需加入{ $classes }
shortfall-add-some-classes = 还需加入{ $classes }中的 { $count } 类
shortfall-remove-refused = 需删去 { $count } 个不允许的字符
shortfall-version-refused = 有 { $count } 个字符可能被部分 API 版本拒绝
shortfall-longer-than-some-versions = { $count } 个字符：只有部分 API 版本接受超过 { $max } 个字符
shortfall-same-as-current = 请选择与当前密码不同的密码
shortfall-change-first = 请换一个字符开头

char-space = 空格，不允许使用
char-not-allowed = 不允许使用

strength-0 = 非常弱
strength-1 = 弱
strength-2 = 一般
strength-3 = 强
strength-4 = 非常强

## keyturn check

check-prompt = 要检查的密码：
check-character = 第 { $position } 个字符：{ $reason }
check-more-characters = ……另有 { $count } 个
check-strength = 强度：{ $score }/4（{ $label }），约需猜测 10^{ $guesses } 次；离线破解时间：{ $time }
check-warning = 警告：{ $text }
check-tip = 建议：{ $text }
check-truncated = （按前 { $count } 个字符估算）

## keyturn ops

ops-signed-with = { $provider } { $product } { $api }，签名方式 { $scheme }
ops-region-heading = 地域（--region）：
ops-region-required = 必填；例如 { $examples }
ops-region-optional = 选填；例如 { $examples }
ops-fields-heading = 字段（--param NAME=VALUE，或 NAME=env:VAR）：
ops-tag-required = 必填
ops-tag-optional = 选填
ops-tag-text = 文本
ops-tag-choice = 选项
ops-tag-secret = 密码：只能用 env:VAR 给出
ops-tag-date-time = 日期时间
ops-tag-local-only = 只在本地检查，不会发送
ops-default = 默认值：{ $value }
ops-empty = 留空{ $means }；需要 --allow-empty { $field }
ops-new-password-heading = 新密码（{ $field }）：
policy-length-range = { $min } 到 { $max } 个字符
policy-length-some-versions = { $min } 到 { $max } 个字符（部分版本最多接受 { $more } 个：仅警告）
policy-length-min = 至少 { $min } 个字符
policy-classes = 至少包含{ $classes }中的 { $count } 类
policy-only-letters-digits = 只能使用字母和数字
policy-only-letters-digits-and = 只能使用字母、数字和 { $set }
policy-printable-ascii = 只能使用可打印 ASCII 字符，不能有空格
policy-version-dependent = { $why }（仅警告）
policy-must-differ = 必须与 { $field } 不同
policy-should-differ = 应与 { $field } 不同
policy-generator = 生成器：{ $min } 到 { $max } 个字符（默认 { $default } 个）

## keyturn profile, keyturn import

profile-unknown-provider = 未知的云厂商 { $name }；请使用以下之一：alibaba、huawei、ucloud、tencent
profile-none = 还没有配置；可用 `keyturn profile add` 或 `keyturn import` 添加
profile-secret-prompt = AccessKey Secret：
profile-new-secret-prompt = 新的 AccessKey Secret：
profile-secret-empty = AccessKey Secret 为空
profile-added = 已添加配置 { $name }（{ $provider } 访问密钥 { $key }）；AccessKey Secret 已存入{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }
profile-replaced = 已替换配置 { $name }，现为 { $provider } 访问密钥 { $key }；AccessKey Secret 已存入{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }
profile-replacing = 正在替换配置 { $name }（{ $key }）
profile-replacing-team = 正在替换团队存储中的配置 { $name }（{ $key }）：版本 { $version }，由 { $by } 于 { $at } 写入
profile-updated = 已更新配置 { $name }
profile-secret-stored = 新的 AccessKey Secret 已存入{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }
profile-removed = 已删除配置 { $name }，并从{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }中删除了它的 AccessKey Secret
profile-removed-no-secret = 已删除配置 { $name }；{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }中没有它的 AccessKey Secret（已被删除）
profile-project-id-needs-region = --project-id ID 需要配合 --region 使用，或写成 REGION=ID
profile-show-title = 配置 { $name }
profile-show-provider = 云厂商：{ $value }
profile-show-key-id = AccessKey ID：{ $value }
profile-show-region = 地域：{ $value }
profile-show-project-id = 项目ID（{ $region }）：{ $value }
profile-show-endpoint = 接入地址：{ $value }
profile-show-notes = 备注：{ $value }
profile-show-added = 添加时间：{ $value }
profile-show-written = 团队存储中：版本 { $version }，由 { $by } 于 { $at } 写入
profile-show-last-used = 上次使用：{ $value }
profile-show-last-verified = 上次验证：{ $value }
profile-show-secret = AccessKey Secret：保存在{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }中（`keyturn profile reveal { $name }`）
profile-never = 从未
profile-verified = 配置 { $name }：{ $summary }
profile-project-ids-found = 找到了 { $count } 个地域的项目ID

import-cannot-read = 无法读取 { $file }：{ $error }
import-refused = { $file }：{ $error }；未保存任何内容
import-refused-name-provider = { $file }：{ $error }（请用 --provider 指定云厂商）；未保存任何内容
import-found = 找到一个{ $provider }访问密钥 { $key }
import-found-user = 找到用户 { $user } 的{ $provider }访问密钥 { $key }
import-stored = 已保存为配置 { $name }；AccessKey Secret 已存入{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }
import-delete-file = 该文件仍以明文保存着 AccessKey Secret：请删除它（例如 `shred -u { $file }`）

## keyturn password

password-unknown-slot = 未知的密码位 { $name }；请使用 current（当前）、previous（上一个）或 pending（待确认）
password-none = 还没有保存的密码
password-slot-set = { $slot }（设置于 { $time }）
password-not-a-key = { $text } 不是资源键；`keyturn password list` 可列出它们

## keyturn request, request --send, recover

request-wrong-provider = 配置 { $name } 保存的是{ $provider }的访问密钥，而 { $op } 是{ $op_provider }的 API
request-bad-at = --at { $value } 不是 RFC 3339 格式的时间
request-key-or-profile = 请给出 --key-id 或 --profile
request-param-form = --param { $name } 必须写成 NAME=VALUE
request-param-twice = --param { $name } 给出了两次

rotate-settle-hint = 。请先确认，再用 `keyturn recover` 了结这次修改
rotate-not-sent = 未发送：{ $reason }。
rotate-anyway = 如仍要发送，请加 --anyway。
rotate-settle-first = 请先用 `keyturn recover` 了结它。
rotate-wait = 请等它完成后再试。
rotate-no-attempt = 未发送：没有未了结的修改 { $id }；`keyturn recover` 可列出它们
rotate-cannot-retry = 未发送：{ $reason }
rotate-nothing-sent = 未发送任何请求：{ $reason }
rotate-open-attempts = 有 { $count } 次密码修改结果未知；`keyturn recover` 可列出它们

recover-none = 没有结果未知的密码修改
recover-how =
    请用待确认的密码连接以确认（`keyturn password show RESOURCE --slot pending`），然后：
      keyturn recover ID --keep     修改成功：待确认的密码成为当前密码
      keyturn recover ID --discard  修改未生效：丢弃待确认的密码
      keyturn recover ID --retry    用同一个新密码再次发送这次修改
recover-open = { $id }  { $what } 的密码可能已在 { $time } 修改；{ $kept }
recover-resource = 资源：{ $key }
recover-last-answer = 最后一次应答：{ $status }
recover-last-answer-code = 最后一次应答：{ $status }（{ $code }）
recover-sent-no-answer = 已发送，但没有记录到应答（被中断）
recover-not-sent = 在发送前被中断
recover-may-have-been-sent = 本机没有记录：请求可能已经发出
recover-theirs = 对方可能仍在等待应答：在 { $until } 之前只有对方可以了结它
recover-lease-ended = 租期已于 { $until } 结束：请求可能已经发出；请先确认，再保留或丢弃
recover-give-action = 请给出 --keep、--discard 或 --retry
journal-line-incomplete = { $path }:{ $line }：不完整的最后一行（写入被中断）
journal-line-damaged = { $path }:{ $line }：损坏的一行，不是日志记录
history-skipped = 已跳过 { $line }
history-none = 还没有密码修改记录
history-open = 未了结（{ $status }）
history-open-interrupted = 未了结（被中断）
history-request = 请求 { $id }
history-store-heading = 团队存储中的记录（{ $count } 个版本，从旧到新）：
history-store-staged = { $by } 暂存了一次修改（尝试 { $attempt }）
history-store-retrying = { $by } 再次发送了修改（尝试 { $attempt }）
history-store-promoted = { $by } 的修改已由云厂商确认：新密码成为当前密码（尝试 { $attempt }）
history-store-kept = { $by } 将待确认密码保留为当前密码（尝试 { $attempt }）
history-store-dropped = { $by } 的修改被拒绝或未发送：待确认密码已丢弃（尝试 { $attempt }）
history-store-discarded = { $by } 丢弃了待确认密码（尝试 { $attempt }）
history-store-passwords = 写入了密码（复制，或早期版本的 Keyturn）
history-store-removed = 已移除
history-store-unreadable = Keyturn 无法读取的值

## keyturn emulate, keyturn completions, the demo

emulate-no-runtime = 无法启动异步运行时（系统的说明：{ $error }）
emulate-secret-without-key-id = 已设置 { $var }，但没有给出 --key-id：请给出它对应的 AccessKey ID
emulate-throwaway = 未给出访问密钥：使用一对仅供本模拟器使用的临时密钥。
emulate-sign-with = 用它签名请求：export { $var }='{ $secret }'，并加上 --key-id { $key }
emulate-cannot-listen = 无法在 { $address } 上监听（系统的说明：{ $error }）
emulate-cannot-wait = 无法等待 Ctrl-C（系统的说明：{ $error }）
# A man page's section headings.
man-name = 名称
man-synopsis = 概要
man-description = 描述
man-options = 选项
man-subcommands = 子命令
man-exit-status = 退出状态
man-environment = 环境变量
man-files = 文件
man-see-also = 参见
man-version = 版本
man-extra = 其他
man-cannot-write-dir = 无法把手册页写入 { $dir }（系统的说明：{ $error }）
man-written = 已把 { $count } 个手册页写入 { $dir }
man-cannot-write = 无法写出手册页（系统的说明：{ $error }）
man-file-index = 配置和已保存密码的记录：名称、AccessKey ID、地域，从不包含 Secret
man-file-store = 配置和密码保存在哪里：本机的系统密钥环，或团队存储的地址、挂载点和前缀（从不包含令牌）
man-file-data = 数据文件夹，存放轮换日志
man-file-locks = 每个正在修改的资源一把锁，由用户会话中的所有数据文件夹共享（没有会话目录时，放在临时文件夹中私有的 keyturn-UID 文件夹里）
man-file-keyring = AccessKey Secret（用户 profile:名称）、每个资源的密码及正在进行的修改的占用（用户 resource:资源）、团队存储的令牌（用户 team-token:地址）
demo-started = Keyturn 演示：模拟器在 { $url } 上监听；配置和密码保存在内存和 { $dir } 中，窗口关闭后即清除。

## keyturn --help

help-intro =
    Keyturn 用于轮换托管数据库和缓存服务的密码。
    它检查每个 API 的密码规则，生成 API 接受的密码，
    严格按云厂商的规定为调用签名，并把访问密钥保存在系统密钥环中。
help-operations = 支持的操作（`keyturn ops ID` 显示某个操作的字段和规则）：
help-exit-heading = 退出状态：
help-exit-0 = 成功；对于修改，云厂商已确认
help-exit-1 = 其他错误
help-exit-2 = 输入有误或新密码不符合规则；未发送任何请求
help-exit-3 = 云厂商拒绝了请求
help-exit-4 = 没有读到应答，或修改无法了结：它仍未了结，可能已经生效，也可能没有
help-env-heading = 环境变量：
help-env-config-dir = 配置索引所在的文件夹，代替平台默认的配置文件夹
help-env-data-dir = 轮换日志所在的文件夹，代替平台默认的数据文件夹
help-env-key-secret = `request --key-id` 和 `emulate` 使用的 AccessKey Secret
help-env-lang = 消息和帮助的语言：en 或 zh-CN（默认取自系统的区域设置）
help-env-rust-log = 哪些日志输出到标准错误（默认：warn；窗口中按下的键从不记入日志）
help-readme = README.md 介绍了安装、添加访问密钥和轮换密码的步骤。
help-usage-heading = 用法：
help-commands-heading = 命令
help-arguments-heading = 参数
help-options-heading = 选项
help-help = 显示帮助
help-help-more = 显示帮助（用 '--help' 查看更多）
help-help-summary = 显示帮助（用 '-h' 查看摘要）
help-version = 显示版本
help-help-subcommand = 显示本帮助，或指定子命令的帮助

## Errors in the command line's arguments

clap-unknown-argument = 无法识别的参数 '{ $arg }'
clap-invalid-subcommand = 无法识别的子命令 '{ $name }'
clap-invalid-value = '{ $arg }' 的值 '{ $value }' 无效
clap-possible-values = 可选值：{ $values }
clap-missing-required = 缺少以下必需的参数：
clap-missing-subcommand = '{ $name }' 需要一个子命令
clap-conflict = 参数 '{ $arg }' 不能与 '{ $other }' 一起使用
clap-no-value = '{ $arg }' 需要一个值
clap-too-many-values = '{ $arg }' 多出了值 '{ $value }'
clap-similar = 提示：有一个相似的参数 '{ $suggestion }'
clap-more-info = 更多信息请用 '--help' 查看。

## How long a password would take to crack

time-less-than-second = 不到一秒
time-seconds = { $count } 秒
time-minutes = { $count } 分钟
time-hours = { $count } 小时
time-days = { $count } 天
time-months = { $count } 个月
time-years = { $count } 年
time-centuries = 数百年

## zxcvbn's feedback on a password's strength

strength-warning-straight-rows = 键盘上的一整行按键很容易被猜到。
strength-warning-short-keyboard-pattern = 简短的键盘图案很容易被猜到。
strength-warning-repeats = 像“aaa”这样的重复很容易被猜到。
strength-warning-repeated-sequence = 像“abcabcabc”这样的重复只比“abc”稍难猜一点。
strength-warning-top-10 = 这是最常用的 10 个密码之一。
strength-warning-top-100 = 这是最常用的 100 个密码之一。
strength-warning-common = 这是非常常用的密码。
strength-warning-similar-to-common = 这与一个常用密码很相似。
strength-warning-sequences = 像 abc 或 6543 这样的序列很容易被猜到。
strength-warning-recent-years = 最近的年份很容易被猜到。
strength-warning-word = 单独一个单词很容易被猜到。
strength-warning-dates = 日期通常很容易被猜到。
strength-warning-names = 单独的名字和姓氏很容易被猜到。
strength-warning-common-names = 常见的名字和姓氏很容易被猜到。
strength-tip-few-words = 用几个单词组成，避免常见短语。
strength-tip-no-need-for-symbols = 不一定需要符号、数字或大写字母。
strength-tip-add-words = 再加一两个单词，不常见的单词更好。
strength-tip-capitalization = 大写字母帮助不大。
strength-tip-all-uppercase = 全部大写几乎和全部小写一样容易被猜到。
strength-tip-reversed-words = 倒写的单词并不会难猜多少。
strength-tip-substitutions = 用“@”代替“a”这类可预料的替换帮助不大。
strength-tip-longer-keyboard-pattern = 使用更长、转折更多的键盘图案。
strength-tip-avoid-repeats = 避免重复的单词和字符。
strength-tip-avoid-sequences = 避免序列。
strength-tip-avoid-recent-years = 避免最近的年份。
strength-tip-avoid-your-years = 避免与你相关的年份。
strength-tip-avoid-your-dates = 避免与你相关的日期和年份。

## Outcomes of a change, and where its passwords are

outcome-succeeded = 密码已修改
outcome-rejected = 云厂商拒绝了请求
outcome-wrong-old-password = 当前密码错误
outcome-locked = 密码修改已被锁定
outcome-old-password-still-valid = 之前的旧密码仍然有效
outcome-throttled = 请求过于频繁
outcome-auth = 云厂商不接受该访问密钥
outcome-not-sent = 未发送
outcome-unknown = 结果未知：密码可能已经修改
outcome-accepted = 已受理：云平台正以任务完成这次修改
outcome-expiry-changed = 旧密码的过期时间已修改
outcome-tries-left = { $title }（锁定前还可以尝试 { $count } 次）
outcome-until = { $title }，直到 { $time }
outcome-retry-after = { $title }；请在 { $time } 之后再试
outcome-code = 错误码：{ $value }
outcome-message = 消息：{ $value }
outcome-request-id = 请求 ID：{ $value }
answer-empty = HTTP { $status }：应答为空
answer-html = HTTP { $status }：收到的是 HTML 页面，而不是 API 的应答
answer-malformed-json = HTTP { $status }：JSON 格式错误
answer-unexpected = HTTP { $status }：应答的结构不符合预期
answer-duplicate-key = HTTP { $status }：应答中同一字段出现两次，无法确定其含义
answer-not-http-status = HttpStatusCode { $given } 不是 HTTP 状态码
answer-success-at-error-status = HTTP { $status }：应答内容说修改已完成，状态码却说请求失败
send-setup = 无法设置 HTTP 客户端（系统的说明：{ $detail }）
send-bad-method = 无效的请求方法 { $method }
send-unbuildable = 无法构造请求（系统的说明：{ $detail }）
send-connect = 无法连接 { $host }（系统的说明：{ $detail }）
send-timeout = { $host } 未在时限内应答
send-broke = 与 { $host } 的连接在读到应答前断开（系统的说明：{ $detail }）
send-too-large = 应答（{ $status }）超过 { $kib } KiB，未读取
send-leaves-this-computer = 未发送：演示模式下不会向本机以外发送任何内容，而 { $host } 不在本机；要试用，请把配置的端点设为演示的模拟器（与演示配置相同）

where-promoted = 新密码现已成为{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }中 { $key } 的当前密码
where-removed = { $key } 的密码已被移除；之前的密码保留为上一个密码
where-expiry-only = 只修改了旧密码的过期时间；{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }中 { $key } 的密码没有变化
where-discarded = 密码没有修改；待确认的密码已丢弃
where-pending-kept = 新密码保留为 { $key } 的待确认密码：资源现在的密码可能就是它
where-retry-failed = 重试没有成功；之前的修改（{ $earlier }）仍未了结，它的新密码仍是 { $key } 的待确认密码：资源现在的密码可能就是它
where-cancelled = 未发送任何请求；{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }保持原样
where-not-settled = 无法更新{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }中的密码位（{ $error }）；{ $key } 的修改仍未了结：它的新密码可能就是资源现在的密码

## The journal's words for an attempt

journal-status-succeeded = 成功
journal-status-rejected = 被拒绝
journal-status-wrong-old-password = 旧密码错误
journal-status-locked = 已锁定
journal-status-old-password-still-valid = 旧密码仍有效
journal-status-throttled = 被限流
journal-status-auth-problem = 访问密钥未被接受
journal-status-not-sent = 未发送
journal-status-unknown = 结果未知
journal-status-accepted = 已受理，完成中
journal-settled-succeeded = 成功
journal-settled-rejected = 被拒绝
journal-settled-not-sent = 未发送
journal-settled-kept-as-current = 已保留为当前密码
journal-settled-discarded = 已丢弃
journal-settled-retried = 重试成功
journal-settled-retry-failed = 重试失败
journal-settled-nothing-staged = 无需了结
journal-settled-settled-elsewhere = 已在别处了结
open-adopted = 在{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }中发现了一个本机没有记录的待确认密码：请求可能已经发出
open-claimed = { $by } 于 { $since } 暂存的修改，在{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }中发现，本机没有记录：请求可能已经发出
open-removes-password = 密码可能已被移除
open-pending = 新密码保留为待确认密码

## 轮换流程：修改为何需要等待或无法进行

block-unsettled = 该资源之前的一次修改（尝试 { $attempt }，{ $since }）结果未知；它的待确认密码可能正是当前生效的密码，必须先处理
block-claimed = { $by } 于 { $since } 在{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }中暂存了对该资源的修改，可能仍在等待应答：在 { $until } 之前只有对方可以了结它；之后可以在这里保留或丢弃（keyturn recover）
block-pending-without-attempt = 系统密钥环中有该资源的待确认密码，但日志中没有对应的未决修改；它可能正是当前生效的密码，必须先处理
block-in-progress = 另一个 Keyturn（窗口或命令）正在修改该资源
block-locked = 因旧密码错误，该资源的密码修改已被锁定，直到 { $until }
block-old-password-still-valid = 上一个旧密码在 { $until } 前仍然有效；在此之前服务商拒绝新的修改（可以只修改其过期时间）
block-throttled = 服务商要求等到 { $until }
rotation-keyring = 无法使用{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }：{ $error }
rotation-lock-file = 无法使用锁文件 { $path }（系统的说明：{ $error }）
rotation-no-attempt = 没有未决的尝试 { $id }
rotation-unknown-operation = 该尝试所属的操作是本版本不认识的：{ $op }
rotation-pending-missing = { $key } 没有待确认密码；系统密钥环中它只有 { $holds }。没有做任何更改：如果这次修改从未发出，请放弃它
rotation-holds-nothing = 空
rotation-cannot-retry = 无法再次发送这次修改：{ $why }
demo-profile-note = 演示：一个只有 Keyturn 内置模拟器接受的假密钥；演示关闭后即被遗忘。
demo-keyring-already-open = 演示必须在任何代码打开系统密钥环之前启动，而密钥环已被打开；没有保存任何内容
demo-folder = 无法创建演示用的临时文件夹 { $path }（系统的说明：{ $error }）
demo-emulator = 无法启动模拟器（系统的说明：{ $error }）
demo-profile = 无法添加演示配置 { $name }：{ $error }
job-no-runtime = 后台运行时无法启动（系统的说明：{ $detail }）
rotation-lock-not-private = 用于锁的文件夹 { $path } 不是本用户的私有文件夹（是链接、属于其他用户或对他人开放）；没有做任何修改
rotation-task = 后台任务失败（系统的说明：{ $detail }）
retry-refused-adopted = 日志已丢失它所做的修改；请保留或放弃它的待确认密码
retry-refused-expiry-only = 它没有修改密码；请在表单中重新发起
retry-refused-typed-key = 它使用的是手动输入的访问密钥：请提供该密钥的 Secret
retry-refused-inputs = 它记录的输入已不再通过检查（{ $fields }）；请从表单重新发起修改
retry-refused-no-pending = 系统密钥环中没有 { $key } 的待确认密码
retry-sent-to-profile-endpoint = 发送到该配置当前的接入地址 { $url }
retry-sent-to-first-endpoint = 发送到第一次尝试所用的接入地址 { $url }
retry-sent-to-default-endpoint = 发送到云厂商的接入地址 { $url }
list-separator-strong = ；

## 文件、日志、接入地址、生成与导入：出了什么问题

file-link = 它是符号链接，而 Keyturn 从不通过链接读写自己的文件；请把文件本身放在那里（或把 KEYTURN_CONFIG_DIR / KEYTURN_DATA_DIR 设为文件所在的文件夹）
file-kind-fifo = 命名管道（FIFO）
file-kind-device = 设备
file-kind-socket = 套接字
file-kind-folder = 文件夹
file-kind-other = 非文件
file-not-regular = 它不是普通文件（它是{ $what }）；只读取普通文件
file-too-large = 它太大了（{ $size } 字节；最多读取 { $cap } 字节）
journal-read = 无法读取轮换日志 { $path }（系统的说明：{ $error }）
journal-write = 无法写入轮换日志 { $path }（系统的说明：{ $error }）
generate-length = 长度 { $length } 超出了该操作接受的范围（{ $min } 到 { $max }）
endpoint-not-a-url = 接入地址 { $text } 不是有效的 URL
endpoint-scheme = 接入地址必须以 https:// 开头（或以 http:// 指向本机回环地址），不能是 { $scheme }://
endpoint-plain-http = 明文 http:// 只允许用于本机回环地址（127.0.0.1、::1、localhost），不能用于 { $host }；请使用 https://
endpoint-extra-parts = 接入地址只能包含协议、主机和端口，不能带路径、查询参数或用户名
endpoint-region-required = { $op } 需要地域：请用 --region 指定
endpoint-bad-region = 地域 { $region } 不是地域名称（只能是字母、数字和“-”）
endpoint-unknown-region = { $op } 在地域 { $region } 没有已知的接入地址
import-not-text = 该文件不是 UTF-8 文本
import-empty = 该文件是空的
import-too-large = 该文件太大（{ $size } 字节），不像是控制台导出的访问密钥文件
import-csv = 该文件不是有效的 CSV（系统的说明：{ $detail }）
import-unterminated-quote = 从第 { $line } 行开始的带引号字段没有结束（缺少一个 '"'）
import-unknown-columns = 第 1 行（共 { $count } 列）没有访问密钥的列名；应为例如 "AccessKey ID,AccessKey Secret"、"Access Key Id,Secret Access Key"、"SecretId,SecretKey" 或 "PublicKey,PrivateKey"（没有这一行的文件需要指明所属云）
import-no-key = 该文件只有表头，没有密钥
import-several-keys = 该文件含有 { $count } 个密钥；请每个文件只导入一个密钥
import-part-id = AccessKey ID
import-part-secret = AccessKey Secret
import-empty-field = 第 { $row } 行第 { $column } 列（{ $what }）为空
import-unknown-provider = 无法判断该密钥属于哪个云；请指明所属云

## 桌面应用的后台任务：出了什么问题

job-no-config-folder = 找不到配置文件夹，因此无法在这台机器上保存任何内容
job-endpoint = 无法使用该配置的接入地址：{ $error }
job-unknown-resource = { $key } 不是本版本认识的资源
job-import-read = 无法读取 { $path }：{ $error }
job-delete-file = 无法删除 { $path }：{ $error }
job-import-parse = { $path }：{ $error }；没有保存任何内容
job-profile-added = 已添加配置 { $name }（{ $provider } 密钥 { $key }）；其 AccessKey Secret 已保存
job-profile-imported = 已把 { $provider } 访问密钥 { $key } 保存为配置 { $name }；其 AccessKey Secret 已保存
job-profile-removed = 已删除配置 { $name } 及其 Secret
job-profile-removed-no-secret = 已删除配置 { $name }（存储中没有它的 Secret）
job-no-file-chooser = 无法在此桌面上打开文件选择器

## 按字段名称写出的资源：“华为云 DCS 实例ID 5560df16（地域 cn-north-4）”

resource-name = { $provider } { $product } { $ids }
resource-name-in-region = { $provider } { $product } { $ids }（地域 { $region }）

## 密钥验证的结果

verify-works = 密钥可用
verify-works-as = 密钥可用（{ $who }）
verify-signature-mismatch = Secret 错误：签名不匹配
verify-unknown-key = 密钥 ID 不存在或已被禁用
verify-clock-skew = 本机时钟不准
verify-no-permission = 密钥有效，但无权进行此调用
verify-not-sent = 网络不通：无法连接云厂商
verify-unknown = 无法读取应答
verify-refused = 云厂商拒绝了这次调用
profile-verify-not-recorded = 无法把结果记录到配置中

## 团队存储（OpenBao / HashiCorp Vault KV v2）

team-settings = 无法使用团队存储的设置（系统的说明：{ $detail }）
team-no-token = 没有团队存储的令牌：请设置 VAULT_TOKEN、运行 `keyturn store login`，或用 Vault 命令行登录（~/.vault-token）
team-unreachable = 无法连接团队存储（系统的说明：{ $detail }）
team-sealed = 团队存储已封存（sealed）：解封之前既不能读也不能写
team-denied = 团队存储拒绝访问 { $path }：令牌缺失、已过期或已吊销，或其策略不允许访问此路径
team-changed = 自本机读取以来，{ $path } 已被他人修改。请重新查看后再修改
team-someone = 某人
team-leaderless = 团队存储当前没有主节点（应答 { $status }，团队存储的说明：{ $errors }），且未能及时选出新的主节点
team-odd-redirects = 重定向次数过多
team-odd-no-location = 重定向没有给出目标地址
team-odd-not-url = 重定向的目标不是 URL
team-odd-redirect-refused = 拒绝跟随重定向（原因：{ $error }）
team-odd-not-json = 应答不是 JSON
team-odd-no-keys = 列表应答没有给出任何键
team-odd-no-version = 应答没有给出版本
team-empty-mount = 无法使用团队存储的设置：挂载点为空
team-store-in-use = 本进程已在使用另一个凭据存储
team-unencodable = 要写入团队存储的内容无法编码（编码器的说明：{ $detail }）
team-refused = 团队存储应答 { $status }（团队存储的说明：{ $errors }）
store-keyring = 本机的系统密钥环
store-vault = 团队存储 { $addr }，挂载点 { $mount }，前缀 { $prefix }
store-in-use = 配置和密码保存在{ $store }中。
store-saved = 从现在起，配置和密码保存在{ $store }中。没有复制任何内容：`keyturn store migrate` 可复制它们。
store-token-saved = { $addr } 的令牌已保存在本机的系统密钥环中。
store-token-empty = 标准输入没有给出令牌
store-no-addr = 请用 --addr 指定服务器，或设置 VAULT_ADDR
store-no-team-store = 尚未设置团队存储：`keyturn store use vault --addr URL` 可设置
store-migrated = 已复制 { $what }
store-migrate-done = 已把 { $profiles } 个配置和 { $resources } 个资源的密码复制到{ $store }并读回核对；{ $removed ->
    [true] { $source }中的原件已删除。
   *[other] 原件仍保留在{ $source }中（--remove-source 可删除它们）。
}
store-migrate-mismatch = { $store }中 { $what } 的副本读回后与写入的不一致；没有删除任何内容
store-migrate-open-change = { $what } 有一次正在进行的修改（待确认密码，或他人的占用）；没有复制任何内容。请先了结它（keyturn recover），再迁移
store-migrate-open-attempts = 本机还有 { $count } 次密码修改未了结；没有复制任何内容。请先了结（keyturn recover），再迁移
store-migrate-conflict = 目标位置的 { $what } 已有不同的内容；没有替换任何内容
store-unknown-direction = { $value } 既不是 vault 也不是 keyring
store-demo = 演示用的内存存储（不写入任何地方）

## 对未了结修改的处理（keyturn recover --keep/--discard，以及应用中的恢复）

decided-kept = 待确认密码现在是 { $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }中 { $key } 的当前密码
decided-discarded = 已丢弃 { $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }中 { $key } 的待确认密码；当前密码不变
decided-nothing-pending = 已了结 { $key } 的修改；没有待确认密码，当前密码不变
decided-already-made = { $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }已记录这次修改已生效（{ $by }，{ $time }）：新密码就是 { $key } 的当前密码，本机的记录现在也与之一致
decided-already-dropped = { $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }已记录这次修改未生效（{ $by }，{ $time }）：{ $key } 的当前密码不变，本机的记录现在也与之一致
decided-superseded = { $key } 的待确认密码现在属于 { $by } 于 { $time } 开始的修改：本机对之前那次修改的记录已了结，{ $store ->
        [team] 团队存储
       *[keyring] 系统密钥环
    }中没有任何改动

## 验证已保存的密码：向服务本身登录一次
prove-opened = 密码可用：服务接受了它并作了应答
prove-wrong-password = 密码错误：服务拒绝了它（服务的说明：{ $said }）
prove-no-password-needed = 该服务根本不要求密码：任何人都能进入，因此这证明不了什么
prove-timed-out = 无法连接服务：{ $seconds } 秒内没有应答（这与密码对错无关）
prove-resolve = 无法连接服务：主机名无法解析（系统的说明：{ $detail }）
prove-connection-refused = 无法连接服务：该地址上没有服务在监听（系统的说明：{ $detail }）
prove-connect = 无法连接服务（系统的说明：{ $detail }）
prove-closed = 无法连接服务：服务在应答前关闭了连接（如果它要求 TLS，请开启 TLS）
prove-no-tls-answer = 无法通过 TLS 连接服务：TLS 握手没有及时得到应答（只支持明文的服务会默默等待）；没有以明文发送任何内容，这与密码对错无关
prove-tls-not-offered = 要求使用 TLS，但服务不提供 TLS；没有以明文发送任何内容
prove-tls-handshake = TLS 握手失败（服务是否只支持明文？）；没有以明文发送任何内容（TLS 库的说明：{ $detail }）
prove-tls-certificate = 服务的 TLS 证书不受信任，或与主机名不符（TLS 库的说明：{ $detail }）；请提供它的 CA 证书文件
prove-service-wants-tls = 服务以 TLS 应答：请为此资源开启 TLS
prove-refused = 服务因密码以外的原因拒绝了登录（服务的说明：{ $said }）
prove-not-the-protocol = 应答不是该服务的协议：该地址上是否是别的服务？
prove-too-long = 服务的应答超过了 { $bytes } 字节
prove-sign-in-method = 服务要求一种 Keyturn 不支持的登录方式（服务的说明：{ $name }）
prove-no-public-protocol = 无法测试：TcaplusDB 没有可供客户端登录的公开协议
prove-kafka-not-built = 无法测试：Keyturn 不会登录 DTS 消费组所用的 Kafka（SASL/PLAIN）；请用 Kafka 客户端试用此密码
prove-mongo-not-built = 无法测试：Keyturn 不会登录 MongoDB（DDS）；请用 mongosh 试用此密码
prove-no-connection = 暂时无法测试：此资源还没有保存连接信息
prove-no-database-kind = 无法测试：连接信息没有注明是 MySQL 还是 PostgreSQL
prove-no-password = 无法测试：此密码位中没有密码
prove-ca-file = 无法测试：CA 证书文件不可用（系统的说明：{ $detail }）
prove-proven-at = 已验证 { $time }
prove-failed-at = 测试于 { $time }：{ $found }
password-test-result = { $key } 的 { $slot } 密码：{ $found }
password-connection-kept = 已保存 { $key } 的连接信息：{ $address }{ $tls ->
        [yes] ，TLS
       *[no] {""}
    }
password-connection-forgotten = 已删除 { $key } 的连接信息
password-connection = 连接到 { $address }{ $tls ->
        [yes] ，TLS
       *[no] {""}
    }
password-bad-address = { $text } 不是“主机:端口”格式
password-bad-database = { $text } 既不是 mysql 也不是 postgresql
password-test-wrong-hint = 服务拒绝了这个密码：系统密钥环中没有任何改动；修改密码前请先确认资源实际使用的密码
password-test-unreached-hint = 没有进行测试：密码可能仍然正确；请检查地址、端口和 TLS 设置
recover-test-trying = 正在测试 { $key } 的 { $slot } 密码…
recover-test-pending-works = 待确认的密码可用：修改已经生效。要把它保留为当前密码吗？
recover-test-current-works = 待确认的密码不可用，但当前密码可用：修改没有生效。要丢弃待确认的密码吗？
recover-test-neither = 待确认的密码和当前密码都没有被证明可用：没有做任何改动；确认实际情况后请手动处理
recover-test-confirm = 输入 yes 确认：
recover-test-not-confirmed = 未确认：没有做任何改动
recover-test-no-attempt = { $id } 不是未了结的修改
change-test-opened = 新密码已验证：{ $found }
change-test-failed = 新密码未能通过验证：{ $found }。云厂商称修改已完成；在依赖它之前请手动登录确认，并在此之前保留上一个密码（{ $key }）

# A change the provider finishes as a task
cli-task-following = 云平台已受理，任务号 { $task }；正在等待任务完成…
