# Chinese for the command line's --help. Its English is the clap
# definition's doc comments (src/cli/); a test checks that every command
# and argument with help text has its message here, and nothing else.

# Rotate the passwords of managed database and cache services, with access keys kept in the OS keyring. With no subcommand, opens the desktop app
help-keyturn = 轮换托管数据库和缓存服务的密码，访问密钥保存在系统密钥环中。不带子命令时打开桌面应用
# Language of messages and help: en or zh-CN (default: KEYTURN_LANG, then the system's locale). --json output is the same in every language
help---lang = 消息和帮助的语言：en 或 zh-CN（默认依次取 KEYTURN_LANG 和系统的区域设置）。--json 输出在任何语言下都相同
# Open the desktop app over the built-in emulator with fake profiles for all four clouds: every outcome, lock and countdown without a cloud account. Nothing touches your keyring or your files
help-keyturn--demo = 用内置模拟器和四家云厂商的虚构配置打开桌面应用：无需云账号即可看到每种结果、锁定和倒计时。不会改动你的系统密钥环和文件
# List the password-change operations, or show one's fields and rules
help-ops = 列出修改密码的操作，或显示某个操作的字段和规则
# An operation id, e.g. huaweicloud.dcs.update-password
help-ops--operation = 操作 ID，例如 huaweicloud.dcs.update-password
# Check a candidate password (read from stdin) against an operation's rules
help-check = 按操作的规则检查候选密码（从标准输入读取）
# An operation id, e.g. ucloud.uredis.modify-group-password
help-check--operation = 操作 ID，例如 ucloud.uredis.modify-group-password
# Print a password that an operation accepts
help-generate = 输出一个操作会接受的密码
# An operation id, e.g. tencentcloud.tcaplusdb.modify-cluster-password
help-generate--operation = 操作 ID，例如 tencentcloud.tcaplusdb.modify-cluster-password
# Length in characters; defaults to the operation's usual length
help-generate--length = 长度（字符数）；默认为该操作的常用长度
# Leave out characters that are easy to misread (I l 1 | O 0 o)
help-generate--avoid_lookalikes = 不使用容易看错的字符（I l 1 | O 0 o）
# Build and sign an operation's request and print it as JSON, or --send it
help-request = 构造并签名一个操作的请求，以 JSON 输出，或用 --send 发送
# An operation id, e.g. aliyun.dts.modify-dts-job-password
help-request--operation = 操作 ID，例如 aliyun.dts.modify-dts-job-password
# Access key id; the secret comes from the environment variable KEYTURN_KEY_SECRET
help-request--key_id = AccessKey ID；AccessKey Secret 取自环境变量 KEYTURN_KEY_SECRET
# Use a stored profile's access key (and its region, endpoint and project ids as defaults)
help-request--profile = 使用已保存配置的访问密钥（并以它的地域、接入地址和项目ID作为默认值）
# Region: picks the endpoint host and fills the operation's region field
help-request--region = 地域：决定接入地址的主机，并填入操作的地域字段
# Send to this endpoint instead: https:// to any host, http:// only to loopback
help-request--endpoint = 改为发送到这个接入地址：https:// 可指向任何主机，http:// 只能指向本机回环地址
# A field by its wire name: NAME=VALUE, or NAME=env:VAR to read the environment. Passwords are accepted only as env:VAR
help-request--params = 按接口字段名给出字段：NAME=VALUE，或用 NAME=env:VAR 从环境变量读取。密码只能以 env:VAR 给出
# Confirm that an empty value of this field is meant (UCloud: removes the password)
help-request--allow_empty = 确认这个字段确实要留空（UCloud：会移除密码）
# Sign as of this time (RFC 3339), for a reproducible request
help-request--at = 以这个时间（RFC 3339）签名，用于生成可复现的请求
# Use this nonce, for a reproducible request
help-request--nonce = 使用这个随机数（nonce），用于生成可复现的请求
# Show passwords in the printed request instead of masking them
help-request--show_secrets = 在输出的请求中显示密码，而不是遮盖
# Send the request and print the outcome instead of the request
help-request--send = 发送请求并输出结果，而不是输出请求
# With --send: print the outcome as JSON
help-request--json = 与 --send 一起使用：以 JSON 输出结果
# With --send: give up waiting for an answer after this many seconds
help-request--timeout = 与 --send 一起使用：等待应答超过这么多秒即放弃
# With --send: for an operation the provider finishes as a task, follow the task this many seconds at most before leaving the change open
help-request--task_timeout = 与 --send 一起使用：对云平台以任务完成的修改，最多跟踪任务这么多秒，之后让这次修改保持未决
# With --send: send even though an earlier answer says the provider will refuse (a lock, an old password still valid, a throttle)
help-request--anyway = 与 --send 一起使用：即使之前的应答表明云厂商会拒绝（锁定、旧密码仍有效、限流），也照样发送
# With --send: after a confirmed change, prove the new password with one login to the service (`keyturn password test`)
help-request--test = 与 --send 一起使用：修改确认成功后，向服务登录一次以验证新密码（`keyturn password test`）
# Run a local emulator of the four clouds on 127.0.0.1 until Ctrl-C
help-emulate = 在 127.0.0.1 上运行四家云厂商的本地模拟器，直到按下 Ctrl-C
# Port to listen on, on 127.0.0.1 only; 0 picks a free one
help-emulate--port = 监听的端口，只在 127.0.0.1 上；0 表示任选一个空闲端口
# The access key id to accept; its secret comes from KEYTURN_KEY_SECRET. Without both, a throwaway key pair is made up and printed
help-emulate--key_id = 接受的 AccessKey ID；AccessKey Secret 取自 KEYTURN_KEY_SECRET。两者都没有时，临时生成一对密钥并输出
# How long resources named fault-slow… wait before answering, in milliseconds
help-emulate--slow_ms = 名为 fault-slow… 的资源在应答前等待多久（毫秒）
# A real Redis (HOST:PORT) that each accepted DCS or URedis change is applied to (CONFIG SET requirepass)
help-emulate--redis = 一个真实的 Redis（主机:端口），每次被接受的 DCS 或 URedis 修改也会应用到它上面（CONFIG SET requirepass）
# With --redis: change this ACL user's password instead of requirepass
help-emulate--redis_user = 与 --redis 一起使用：修改这个 ACL 用户的密码，而不是 requirepass
# A real MySQL or MariaDB (HOST:PORT) that each accepted DTS job change is applied to (ALTER USER)
help-emulate--mysql = 一个真实的 MySQL 或 MariaDB（主机:端口），每次被接受的 DTS 任务修改也会应用到它上面（ALTER USER）
# A real PostgreSQL (HOST:PORT) that each accepted DTS job change is applied to (ALTER ROLE)
help-emulate--postgres = 一个真实的 PostgreSQL（主机:端口），每次被接受的 DTS 任务修改也会应用到它上面（ALTER ROLE）
# The admin account the emulator changes passwords with on those servers; its password comes from KEYTURN_EMULATE_ADMIN_PASSWORD
help-emulate--admin_user = 模拟器在这些服务器上修改密码所用的管理员账号；其密码取自 KEYTURN_EMULATE_ADMIN_PASSWORD
# Manage access keys kept in the OS keyring or the team store
help-profile = 管理保存在系统密钥环或团队存储中的访问密钥
# Add a profile; the access key secret is read from stdin (no echo on a terminal)
help-profile-add = 添加配置；AccessKey Secret 从标准输入读取（在终端上不回显）
# alibaba, huawei, ucloud or tencent
help-profile-add--provider = alibaba、huawei、ucloud 或 tencent
# Default region for requests made with this profile
help-profile-add--region = 用这个配置发出请求时的默认地域
# Huawei Cloud project id of --region (or REGION=ID for another region)
help-profile-add--project_id = 华为云中 --region 所在地域的项目ID（其他地域写成 REGION=ID）
# Endpoint override: https:// to any host, http:// only to loopback
help-profile-add--endpoint = 自定义接入地址：https:// 可指向任何主机，http:// 只能指向本机回环地址
# Replace a profile of this name, as it is when this command reads it (refused if it changes before the new one is written)
help-profile-add--replace = 替换同名的配置，替换的是本命令读取时的那个版本（若在写入新配置前它被改动，则拒绝）
# List profiles
help-profile-list = 列出配置
# Show one profile (never its secret)
help-profile-show = 显示一个配置（绝不显示 AccessKey Secret）
# Change a profile's details, or with --secret its access key secret (read from stdin)
help-profile-edit = 修改配置的详细信息，或用 --secret 修改它的 AccessKey Secret（从标准输入读取）
# New default region ("" to clear)
help-profile-edit--region = 新的默认地域（"" 表示清除）
# Huawei Cloud project id of the profile's region, or REGION=ID ("REGION=" to clear)
help-profile-edit--project_id = 华为云中配置所在地域的项目ID，或 REGION=ID（"REGION=" 表示清除）
# New endpoint override ("" to clear)
help-profile-edit--endpoint = 新的自定义接入地址（"" 表示清除）
# New notes ("" to clear)
help-profile-edit--notes = 新的备注（"" 表示清除）
# Replace the stored secret with one read from stdin
help-profile-edit--secret = 用从标准输入读取的值替换已保存的 AccessKey Secret
# Remove a profile and its keyring entry
help-profile-remove = 删除配置及其在系统密钥环中的条目
# Print a profile's access key secret
help-profile-reveal = 输出配置的 AccessKey Secret
# Prove the key works with the provider's cheapest read-only call
help-profile-verify = 用云厂商开销最小的只读调用验证访问密钥可用
# Check against this endpoint instead of the provider's (https://, or http:// to loopback)
help-profile-verify--endpoint = 改为向这个接入地址验证，而不是云厂商的（https://，或指向本机回环地址的 http://）
# Give up waiting for an answer after this many seconds
help-profile-verify--timeout = 等待应答超过这么多秒即放弃
# Store the key from a cloud console's access key CSV file as a profile
help-import = 把云控制台下载的访问密钥 CSV 文件中的密钥保存为配置
# Which cloud the key belongs to, when the file does not say
help-import--provider = 文件中没有注明时，密钥属于哪家云厂商
# Profile name (default: the provider and the console user, or the key id)
help-import--name = 配置名称（默认：云厂商加控制台用户名，或 AccessKey ID）
# Look up resource passwords kept in the OS keyring or the team store
help-password = 查看保存在系统密钥环或团队存储中的资源密码
# List the resources with stored passwords, and which slots each has
help-password-list = 列出保存了密码的资源，以及每个资源有哪些密码位
# Print a stored password (current unless --slot says otherwise)
help-password-show = 输出一个已保存的密码（默认为当前密码，可用 --slot 指定）
# A resource key as `keyturn password list` prints it
help-password-show--resource = 资源键，与 `keyturn password list` 输出的一致
# current, previous or pending
help-password-show--slot = current（当前）、previous（上一个）或 pending（待确认）
# Prove a stored password with one login to the service itself (Redis AUTH + PING, a MySQL or PostgreSQL login + SELECT 1); the result and its time are kept with the resource
help-password-test = 向服务本身登录一次以验证已保存的密码（Redis 的 AUTH + PING，MySQL 或 PostgreSQL 登录 + SELECT 1）；结果及其时间随资源一起保存
# A resource key as `keyturn password list` prints it
help-password-test--resource = 资源键，与 `keyturn password list` 输出的一致
# current, previous or pending
help-password-test--slot = current（当前）、previous（上一个）或 pending（待确认）
# Where the service itself listens (not the cloud's API), kept with the resource
help-password-test--connect = 服务本身监听的地址（不是云厂商的 API），随资源一起保存
# The account to log in as: a Redis ACL user, or another database account than the resource's
help-password-test--user = 登录所用的账号：Redis ACL 用户，或与资源不同的数据库账号
# Log in over TLS (never falling back to plain)
help-password-test--tls = 通过 TLS 登录（绝不退回明文）
# A PEM file of CA certificates to trust instead of the system's
help-password-test--ca_cert = 一个 PEM 格式的 CA 证书文件，代替系统的 CA 证书来信任
# For a DTS job's account: mysql or postgresql
help-password-test--database = 用于 DTS 任务的账号：mysql 或 postgresql
# Give up waiting for the service after this many seconds
help-password-test--timeout = 等待服务超过这么多秒即放弃
# Keep (or --forget) where a resource's service listens, for `password test`
help-password-connect = 保存（或用 --forget 删除）资源的服务监听地址，供 `password test` 使用
# A resource key as `keyturn password list` prints it
help-password-connect--resource = 资源键，与 `keyturn password list` 输出的一致
# Where the service itself listens (not the cloud's API), kept with the resource
help-password-connect--connect = 服务本身监听的地址（不是云厂商的 API），随资源一起保存
# The account to log in as: a Redis ACL user, or another database account than the resource's
help-password-connect--user = 登录所用的账号：Redis ACL 用户，或与资源不同的数据库账号
# Log in over TLS (never falling back to plain)
help-password-connect--tls = 通过 TLS 登录（绝不退回明文）
# A PEM file of CA certificates to trust instead of the system's
help-password-connect--ca_cert = 一个 PEM 格式的 CA 证书文件，代替系统的 CA 证书来信任
# For a DTS job's account: mysql or postgresql
help-password-connect--database = 用于 DTS 任务的账号：mysql 或 postgresql
# Forget the connection details kept
help-password-connect--forget = 删除已保存的连接信息
# List password changes with an unknown result, and settle them
help-recover = 列出结果未知的密码修改，并了结它们
# An attempt id from the list; without one, the open attempts are listed
help-recover--attempt = 列表中的修改记录 ID；不给出时列出所有未了结的修改
# The change worked (you connected with the pending password): keep it as current
help-recover--keep = 修改已生效（你已用待确认的密码连接成功）：把它作为当前密码保留
# The change did not happen: discard the pending password
help-recover--discard = 修改没有生效：丢弃待确认的密码
# Send the same change again, with the same new password
help-recover--retry = 用同一个新密码再次发送这次修改
# Find out by testing: one login with the pending password (and, if the service refuses it, one with the current password), then keep or discard as it shows, once you confirm
help-recover--test = 通过测试查明：用待确认的密码登录一次（如果服务拒绝它，再用当前密码登录一次），然后按结果保留或丢弃，需你确认
# With --test: settle as the test shows without asking
help-recover--yes = 与 --test 一起使用：不再询问，直接按测试结果了结
# With --retry or --test: give up waiting for an answer after this many seconds
help-recover--timeout = 与 --retry 或 --test 一起使用：等待应答超过这么多秒即放弃
# With --retry: for an operation the provider finishes as a task, follow the task this many seconds at most before leaving the change open
help-recover--task_timeout = 与 --retry 一起使用：对云平台以任务完成的修改，最多跟踪任务这么多秒，之后让这次修改保持未决
# List past password changes
help-history = 列出过去的密码修改
# Only this resource (a key as `keyturn password list` prints it)
help-history--resource = 只看这个资源（资源键与 `keyturn password list` 输出的一致）；使用团队存储时，还列出存储中保留的各个版本及其写入者
# Print a shell completion script, e.g. `keyturn completions bash`
help-completions = 输出 shell 补全脚本，例如 `keyturn completions bash`
# bash, zsh, fish, elvish or powershell
help-completions--shell = bash、zsh、fish、elvish 或 powershell
# Print the man page, or with --dir write one page per subcommand
help-manpage = 输出手册页，或用 --dir 为每个子命令各写一页
# Write keyturn.1 and one page per subcommand (keyturn-profile-add.1, …) into this folder, instead of printing keyturn.1
help-manpage--dir = 把 keyturn.1 和每个子命令的手册页（keyturn-profile-add.1 等）写入这个文件夹，而不是输出 keyturn.1
# Choose where profiles and passwords are kept: the OS keyring or a team store
help-store = 选择配置和密码的保存位置：系统密钥环或团队存储
# Say where profiles and passwords are kept
help-store-show = 说明配置和密码保存在哪里
# Keep profiles and passwords in this computer's keyring, or in a team store
help-store-use = 把配置和密码保存在本机的系统密钥环中，或保存在团队存储中
# This computer's OS keyring (the default)
help-store-use-keyring = 本机的系统密钥环（默认）
# A KV version 2 mount of an OpenBao or HashiCorp Vault server
help-store-use-vault = OpenBao 或 HashiCorp Vault 服务器上的 KV v2 挂载点
# The server, e.g. https://vault.example:8200 (default: VAULT_ADDR)
help-store-use-vault--addr = 服务器，例如 https://vault.example:8200（默认取 VAULT_ADDR）
# The KV version 2 mount
help-store-use-vault--mount = KV v2 挂载点
# The folder of Keyturn's entries in the mount
help-store-use-vault--prefix = Keyturn 的条目在挂载点中的文件夹
# The namespace (default: VAULT_NAMESPACE)
help-store-use-vault--namespace = 命名空间（默认取 VAULT_NAMESPACE）
# A PEM file of the server's CA (default: VAULT_CACERT)
help-store-use-vault--ca_cert = 服务器 CA 的 PEM 文件（默认取 VAULT_CACERT）
# Keep the team store's token (read from stdin) in this computer's keyring
help-store-login = 把团队存储的令牌（从标准输入读取）保存在本机的系统密钥环中
# The server (default: the team store in use, then VAULT_ADDR)
help-store-login--addr = 服务器（默认取正在使用的团队存储，其次是 VAULT_ADDR）
# Copy profiles and passwords between this computer's keyring and the team store set up with `store use vault`, and check each copy
help-store-migrate = 在本机的系统密钥环和用 `store use vault` 设置的团队存储之间复制配置和密码，并逐一核对副本
# Where to: vault (from the keyring) or keyring (from the team store)
help-store-migrate--to = 复制到哪里：vault（从系统密钥环复制）或 keyring（从团队存储复制）
# Remove the originals once every copy has been read back
help-store-migrate--remove_source = 所有副本都读回核对后，删除原件
