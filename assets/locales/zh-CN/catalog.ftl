# Chinese for the catalogue's texts (src/catalog/). Their English is the
# catalogue itself; a test checks that every text has its message here, and
# nothing else.

## aliyun-dts-modify-consumer-group-password

# Change a change-tracking consumer group's password
catalog-aliyun-dts-modify-consumer-group-password-title = 修改变更跟踪（订阅）消费组的密码
# Only for new-style subscription channels.
catalog-aliyun-dts-modify-consumer-group-password-note-1 = 仅适用于新版订阅通道。
# The channel must be not started, failed to start, normal or abnormal.
catalog-aliyun-dts-modify-consumer-group-password-note-2 = 订阅通道须处于未启动、启动失败、正常或异常状态。
# Subscription instance ID
catalog-aliyun-dts-modify-consumer-group-password-SubscriptionInstanceId-label = 订阅实例ID
# The change tracking instance, e.g. dtsg2m10r1x15a****.
catalog-aliyun-dts-modify-consumer-group-password-SubscriptionInstanceId-help = 变更跟踪实例，例如 dtsg2m10r1x15a****。
# Consumer group ID
catalog-aliyun-dts-modify-consumer-group-password-ConsumerGroupID-label = 消费组ID
# The consumer group, e.g. dtswc411cg617p****.
catalog-aliyun-dts-modify-consumer-group-password-ConsumerGroupID-help = 消费组，例如 dtswc411cg617p****。
# Current password
catalog-aliyun-dts-modify-consumer-group-password-ConsumerGroupPassword-label = 当前密码
# The consumer group's password now.
catalog-aliyun-dts-modify-consumer-group-password-ConsumerGroupPassword-help = 消费组现在的密码。
# New password
catalog-aliyun-dts-modify-consumer-group-password-consumerGroupNewPassword-label = 新密码
# 8 to 32 characters, with at least two of: upper case, lower case, digits, special characters.
catalog-aliyun-dts-modify-consumer-group-password-consumerGroupNewPassword-help = 8 到 32 个字符，至少包含大写字母、小写字母、数字、特殊字符中的两种。
# Region
catalog-aliyun-dts-modify-consumer-group-password-RegionId-label = 地域
# Region of the DTS instance, e.g. cn-hangzhou. Give it with --region.
catalog-aliyun-dts-modify-consumer-group-password-RegionId-help = DTS 实例所在的地域，例如 cn-hangzhou。请用 --region 给出。
# Consumer group name
catalog-aliyun-dts-modify-consumer-group-password-ConsumerGroupName-label = 消费组名称
# Optional.
catalog-aliyun-dts-modify-consumer-group-password-ConsumerGroupName-help = 选填。
# Consumer group user name
catalog-aliyun-dts-modify-consumer-group-password-ConsumerGroupUserName-label = 消费组账号
# Optional.
catalog-aliyun-dts-modify-consumer-group-password-ConsumerGroupUserName-help = 选填。
# Resource group ID
catalog-aliyun-dts-modify-consumer-group-password-ResourceGroupId-label = 资源组ID
# The resource group of the change tracking instance, if it is not the default one.
catalog-aliyun-dts-modify-consumer-group-password-ResourceGroupId-help = 变更跟踪实例所在的资源组（不是默认资源组时填写）。
# Account ID
catalog-aliyun-dts-modify-consumer-group-password-AccountId-label = 阿里云账号ID
# The Alibaba Cloud account's ID. The SDK model says it will be deprecated and need not be given.
catalog-aliyun-dts-modify-consumer-group-password-AccountId-help = 阿里云账号的 ID。SDK 模型说明该参数将被废弃，无需填写。
# Owner ID
catalog-aliyun-dts-modify-consumer-group-password-OwnerId-label = Owner ID
# In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-dts-modify-consumer-group-password-OwnerId-help = SDK 模型中没有说明；除非阿里云技术支持要求，否则请留空。

## aliyun-dts-modify-dts-job-password

# Change the source or destination database password of a DTS task
catalog-aliyun-dts-modify-dts-job-password-title = 修改 DTS 任务源库或目标库的数据库密码
# The new password must differ from the current one.
catalog-aliyun-dts-modify-dts-job-password-note-1 = 新密码必须与当前密码不同。
# DTS task ID
catalog-aliyun-dts-modify-dts-job-password-DtsJobId-label = DTS 任务ID
# The migration, synchronization or change tracking task, e.g. l3m1213ye7l****.
catalog-aliyun-dts-modify-dts-job-password-DtsJobId-help = 迁移、同步或变更跟踪任务，例如 l3m1213ye7l****。
# Database
catalog-aliyun-dts-modify-dts-job-password-Endpoint-label = 数据库
# Which database the account belongs to.
catalog-aliyun-dts-modify-dts-job-password-Endpoint-help = 账号所属的数据库。
# source database
catalog-aliyun-dts-modify-dts-job-password-Endpoint-choice-src = 源库
# destination database
catalog-aliyun-dts-modify-dts-job-password-Endpoint-choice-dest = 目标库
# Database account
catalog-aliyun-dts-modify-dts-job-password-UserName-label = 数据库账号
# The account of the source or destination database.
catalog-aliyun-dts-modify-dts-job-password-UserName-help = 源库或目标库的数据库账号。
# Current password
catalog-aliyun-dts-modify-dts-job-password-CurrentPassword-label = 当前密码
# Checked here only, never sent: the new password must differ from it.
catalog-aliyun-dts-modify-dts-job-password-CurrentPassword-help = 只在本地检查，不会发送：新密码必须与它不同。
# New password
catalog-aliyun-dts-modify-dts-job-password-Password-label = 新密码
# The account's new password; must differ from the current one.
catalog-aliyun-dts-modify-dts-job-password-Password-help = 该账号的新密码；必须与当前密码不同。
# Region
catalog-aliyun-dts-modify-dts-job-password-RegionId-label = 地域
# Region of the DTS instance, e.g. cn-hangzhou. Give it with --region.
catalog-aliyun-dts-modify-dts-job-password-RegionId-help = DTS 实例所在的地域，例如 cn-hangzhou。请用 --region 给出。
# Direction
catalog-aliyun-dts-modify-dts-job-password-SynchronizationDirection-label = 同步方向
# Two-way synchronisation: Forward or Reverse, the direction whose database account changes. Forward unless given.
catalog-aliyun-dts-modify-dts-job-password-SynchronizationDirection-help = 双向同步时，要修改哪个方向的数据库账号：Forward（正向）或 Reverse（反向）。不填时为 Forward。
# forward direction
catalog-aliyun-dts-modify-dts-job-password-SynchronizationDirection-choice-Forward = 正向
# reverse direction
catalog-aliyun-dts-modify-dts-job-password-SynchronizationDirection-choice-Reverse = 反向
# DTS instance ID
catalog-aliyun-dts-modify-dts-job-password-DtsInstanceId-label = DTS 实例ID
# The migration, synchronization or subscription instance, e.g. dtsi03e3zty16i****.
catalog-aliyun-dts-modify-dts-job-password-DtsInstanceId-help = 迁移、同步或订阅实例，例如 dtsi03e3zty16i****。
# Zero-ETL task
catalog-aliyun-dts-modify-dts-job-password-ZeroEtlJob-label = Zero-ETL 任务
# Whether the task is a Zero-ETL (seamless integration) node.
catalog-aliyun-dts-modify-dts-job-password-ZeroEtlJob-help = 该任务是否为 Zero-ETL（无缝集成）节点。
# a Zero-ETL node
catalog-aliyun-dts-modify-dts-job-password-ZeroEtlJob-choice-true = 是 Zero-ETL 节点
# not a Zero-ETL node
catalog-aliyun-dts-modify-dts-job-password-ZeroEtlJob-choice-false = 不是 Zero-ETL 节点
# Resource group ID
catalog-aliyun-dts-modify-dts-job-password-ResourceGroupId-label = 资源组ID
# The resource group of the DTS instance, if it is not the default one.
catalog-aliyun-dts-modify-dts-job-password-ResourceGroupId-help = DTS 实例所在的资源组（不是默认资源组时填写）。

## huaweicloud-dcs-update-password

# Change a DCS (Redis / Memcached) instance's password
catalog-huaweicloud-dcs-update-password-title = 修改 DCS（Redis / Memcached）实例的密码
# Five wrong old passwords in a row lock password changes for five minutes.
catalog-huaweicloud-dcs-update-password-note-1 = 连续五次输错旧密码，将锁定密码修改五分钟。
# The new password must differ from the old one.
catalog-huaweicloud-dcs-update-password-note-2 = 新密码必须与旧密码不同。
# Project ID
catalog-huaweicloud-dcs-update-password-project_id-label = 项目ID
# The project of the region the instance is in.
catalog-huaweicloud-dcs-update-password-project_id-help = 实例所在地域的项目。
# Instance ID
catalog-huaweicloud-dcs-update-password-instance_id-label = 实例ID
# The DCS instance.
catalog-huaweicloud-dcs-update-password-instance_id-help = DCS 实例。
# Old password
catalog-huaweicloud-dcs-update-password-old_password-label = 旧密码
# The instance's password now. Five wrong tries lock changes for five minutes.
catalog-huaweicloud-dcs-update-password-old_password-help = 实例现在的密码。连续输错五次将锁定修改五分钟。
# New password
catalog-huaweicloud-dcs-update-password-new_password-label = 新密码
# 8 to 32 characters (some regions allow 64) with at least three of: lower case, upper case, digits, special characters `~!@#$^&*()-_=+\|{}:,<.>/?
catalog-huaweicloud-dcs-update-password-new_password-help = 8 到 32 个字符（部分地域允许 64 个），至少包含小写字母、大写字母、数字、特殊字符 `~!@#$^&*()-_=+\|{"{"}{"}"}:,<.>/? 中的三种
# % is accepted only by newer API versions
catalog-huaweicloud-dcs-update-password-char-1 = % 只有较新的 API 版本接受
# : is refused by newer API versions
catalog-huaweicloud-dcs-update-password-char-2 = : 会被较新的 API 版本拒绝

## ucloud-uredis-modify-group-password

# Change a URedis master group's password
catalog-ucloud-uredis-modify-group-password-title = 修改 URedis 主备组的密码
# Only the master group's password can be changed, never a replica's.
catalog-ucloud-uredis-modify-group-password-note-1 = 只能修改主备组的密码，不能修改只读副本的密码。
# Region
catalog-ucloud-uredis-modify-group-password-Region-label = 地域
# Region of the group, e.g. cn-bj2. Give it with --region.
catalog-ucloud-uredis-modify-group-password-Region-help = 组所在的地域，例如 cn-bj2。请用 --region 给出。
# Zone
catalog-ucloud-uredis-modify-group-password-Zone-label = 可用区
# Availability zone, e.g. cn-bj2-04. Optional.
catalog-ucloud-uredis-modify-group-password-Zone-help = 可用区，例如 cn-bj2-04。选填。
# Project ID
catalog-ucloud-uredis-modify-group-password-ProjectId-label = 项目ID
# Optional for the main account (the default project is used); sub-accounts must give it.
catalog-ucloud-uredis-modify-group-password-ProjectId-help = 主账号可不填（使用默认项目）；子账号必须填写。
# Group ID
catalog-ucloud-uredis-modify-group-password-GroupId-label = 组ID
# The master group whose password changes.
catalog-ucloud-uredis-modify-group-password-GroupId-help = 要修改密码的主备组。
# New password
catalog-ucloud-uredis-modify-group-password-Password-label = 新密码
# 6 to 36 characters: letters, digits, - and _. Sent base64-encoded.
catalog-ucloud-uredis-modify-group-password-Password-help = 6 到 36 个字符：字母、数字、- 和 _。以 base64 编码发送。
# removes the group's password: anyone who can reach it can connect
catalog-ucloud-uredis-modify-group-password-Password-empty = 会移除该组的密码：任何能连到它的人都可以连接
# Resource type
catalog-ucloud-uredis-modify-group-password-ResourceType-label = 资源类型
# In the SDK model without a description; leave it empty unless UCloud support asks for it.
catalog-ucloud-uredis-modify-group-password-ResourceType-help = SDK 模型中没有说明；除非 UCloud 技术支持要求，否则请留空。

## tencentcloud-tcaplusdb-modify-cluster-password

# Change a TcaplusDB cluster's password
catalog-tencentcloud-tcaplusdb-modify-cluster-password-title = 修改 TcaplusDB 集群的密码
# Old and new passwords both work until the old one expires.
catalog-tencentcloud-tcaplusdb-modify-cluster-password-note-1 = 旧密码过期前，新旧密码都可以使用。
# No new change is accepted while an old password is still valid.
catalog-tencentcloud-tcaplusdb-modify-cluster-password-note-2 = 旧密码仍有效期间，不接受新的修改。
# At most 20 requests per second.
catalog-tencentcloud-tcaplusdb-modify-cluster-password-note-3 = 每秒最多 20 次请求。
# Cluster ID
catalog-tencentcloud-tcaplusdb-modify-cluster-password-ClusterId-label = 集群ID
# The cluster whose password changes, e.g. 23311894780.
catalog-tencentcloud-tcaplusdb-modify-cluster-password-ClusterId-help = 要修改密码的集群，例如 23311894780。
# Old password
catalog-tencentcloud-tcaplusdb-modify-cluster-password-OldPassword-label = 旧密码
# The cluster's password now.
catalog-tencentcloud-tcaplusdb-modify-cluster-password-OldPassword-help = 集群现在的密码。
# Old password expires
catalog-tencentcloud-tcaplusdb-modify-cluster-password-OldPasswordExpireTime-label = 旧密码过期时间
# When the old password stops working (YYYY-MM-DD HH:MM:SS); both work until then.
catalog-tencentcloud-tcaplusdb-modify-cluster-password-OldPasswordExpireTime-help = 旧密码失效的时间（YYYY-MM-DD HH:MM:SS）；在此之前新旧密码都可以使用。
# New password
catalog-tencentcloud-tcaplusdb-modify-cluster-password-NewPassword-label = 新密码
# Letters and digits only, with at least one lower-case letter, one upper-case letter and one digit.
catalog-tencentcloud-tcaplusdb-modify-cluster-password-NewPassword-help = 只能使用字母和数字，且至少包含一个小写字母、一个大写字母和一个数字。
# Mode
catalog-tencentcloud-tcaplusdb-modify-cluster-password-Mode-label = 模式
# 1 changes the password; 2 changes only the old password's expiry time.
catalog-tencentcloud-tcaplusdb-modify-cluster-password-Mode-help = 1 表示修改密码；2 表示只修改旧密码的过期时间。
# change the password
catalog-tencentcloud-tcaplusdb-modify-cluster-password-Mode-choice-1 = 修改密码
# change only the old password's expiry
catalog-tencentcloud-tcaplusdb-modify-cluster-password-Mode-choice-2 = 只修改旧密码的过期时间

## Zones the catalogue reads times in

# Beijing time
catalog-zone-beijing-time = 北京时间
