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

## aliyun-r-kvstore-modify-account-password
# Change a Tair (Redis) account's password
catalog-aliyun-r-kvstore-modify-account-password-title = 修改 Tair（Redis）账号的密码
# Only for instances compatible with Redis 4.0 or later; update the minor version first if Account Management is missing.
catalog-aliyun-r-kvstore-modify-account-password-note-1 = 仅适用于兼容 Redis 4.0 及以上版本的实例；若没有账号管理功能，请先升级小版本。
# The new password works at once; connections already authenticated stay open.
catalog-aliyun-r-kvstore-modify-account-password-note-2 = 新密码立即生效；已通过认证的连接不受影响。
# Instance ID
catalog-aliyun-r-kvstore-modify-account-password-InstanceId-label = 实例ID
# The Tair (Redis) instance the account belongs to, e.g. r-bp1zxszhcgatnx****.
catalog-aliyun-r-kvstore-modify-account-password-InstanceId-help = 账号所属的 Tair（Redis）实例，例如 r-bp1zxszhcgatnx****。
# Account
catalog-aliyun-r-kvstore-modify-account-password-AccountName-label = 账号
# The account whose password changes, as DescribeAccounts lists it; the default account is named after the instance ID.
catalog-aliyun-r-kvstore-modify-account-password-AccountName-help = 要修改密码的账号，以 DescribeAccounts 列出的为准；默认账号以实例ID命名。
# Old password
catalog-aliyun-r-kvstore-modify-account-password-OldAccountPassword-label = 旧密码
# The account's password now.
catalog-aliyun-r-kvstore-modify-account-password-OldAccountPassword-help = 账号现在的密码。
# New password
catalog-aliyun-r-kvstore-modify-account-password-NewAccountPassword-label = 新密码
# 8 to 32 characters with at least three of: upper case, lower case, digits, special characters !@#$%^&*()_+-=
catalog-aliyun-r-kvstore-modify-account-password-NewAccountPassword-help = 8 到 32 个字符，至少包含大写字母、小写字母、数字、特殊字符 !@#$%^&*()_+-= 中的三种
# Owner account
catalog-aliyun-r-kvstore-modify-account-password-OwnerAccount-label = Owner Account
# In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-r-kvstore-modify-account-password-OwnerAccount-help = SDK 模型中没有说明；除非阿里云技术支持要求，否则请留空。
# Owner ID
catalog-aliyun-r-kvstore-modify-account-password-OwnerId-label = Owner ID
# In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-r-kvstore-modify-account-password-OwnerId-help = SDK 模型中没有说明；除非阿里云技术支持要求，否则请留空。
# Resource owner account
catalog-aliyun-r-kvstore-modify-account-password-ResourceOwnerAccount-label = Resource Owner Account
# In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-r-kvstore-modify-account-password-ResourceOwnerAccount-help = SDK 模型中没有说明；除非阿里云技术支持要求，否则请留空。
# Resource owner ID
catalog-aliyun-r-kvstore-modify-account-password-ResourceOwnerId-label = Resource Owner ID
# In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-r-kvstore-modify-account-password-ResourceOwnerId-help = SDK 模型中没有说明；除非阿里云技术支持要求，否则请留空。
# Security token
catalog-aliyun-r-kvstore-modify-account-password-SecurityToken-label = 安全令牌
# An STS security token, in the SDK model without a description; leave it empty with a long-term AccessKey.
catalog-aliyun-r-kvstore-modify-account-password-SecurityToken-help = STS 安全令牌，SDK 模型中没有说明；使用长期 AccessKey 时请留空。
# Source business
catalog-aliyun-r-kvstore-modify-account-password-SourceBiz-label = 来源业务
# Used only for Alibaba Cloud's internal maintenance; the SDK model says not to give it.
catalog-aliyun-r-kvstore-modify-account-password-SourceBiz-help = 仅供阿里云内部维护使用；SDK 模型说明无需填写。

## aliyun-r-kvstore-reset-account-password
# Reset a Tair (Redis) account's password
catalog-aliyun-r-kvstore-reset-account-password-title = 重置 Tair（Redis）账号的密码
# Only for instances compatible with Redis 4.0 or later; update the minor version first if Account Management is missing.
catalog-aliyun-r-kvstore-reset-account-password-note-1 = 仅适用于兼容 Redis 4.0 及以上版本的实例；若没有账号管理功能，请先升级小版本。
# Needs no old password: whoever holds the key can set a new one.
catalog-aliyun-r-kvstore-reset-account-password-note-2 = 无需旧密码：持有密钥的人即可设置新密码。
# The new password works at once; connections already authenticated stay open.
catalog-aliyun-r-kvstore-reset-account-password-note-3 = 新密码立即生效；已通过认证的连接不受影响。
# Instance ID
catalog-aliyun-r-kvstore-reset-account-password-InstanceId-label = 实例ID
# The Tair (Redis) instance the account belongs to, e.g. r-bp1zxszhcgatnx****.
catalog-aliyun-r-kvstore-reset-account-password-InstanceId-help = 账号所属的 Tair（Redis）实例，例如 r-bp1zxszhcgatnx****。
# Account
catalog-aliyun-r-kvstore-reset-account-password-AccountName-label = 账号
# The account whose password changes, as DescribeAccounts lists it; the default account is named after the instance ID.
catalog-aliyun-r-kvstore-reset-account-password-AccountName-help = 要修改密码的账号，以 DescribeAccounts 列出的为准；默认账号以实例ID命名。
# New password
catalog-aliyun-r-kvstore-reset-account-password-AccountPassword-label = 新密码
# 8 to 32 characters with at least three of: upper case, lower case, digits, special characters !@#$%^&*()_+-=
catalog-aliyun-r-kvstore-reset-account-password-AccountPassword-help = 8 到 32 个字符，至少包含大写字母、小写字母、数字、特殊字符 !@#$%^&*()_+-= 中的三种
# Owner account
catalog-aliyun-r-kvstore-reset-account-password-OwnerAccount-label = Owner Account
# In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-r-kvstore-reset-account-password-OwnerAccount-help = SDK 模型中没有说明；除非阿里云技术支持要求，否则请留空。
# Owner ID
catalog-aliyun-r-kvstore-reset-account-password-OwnerId-label = Owner ID
# In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-r-kvstore-reset-account-password-OwnerId-help = SDK 模型中没有说明；除非阿里云技术支持要求，否则请留空。
# Resource owner account
catalog-aliyun-r-kvstore-reset-account-password-ResourceOwnerAccount-label = Resource Owner Account
# In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-r-kvstore-reset-account-password-ResourceOwnerAccount-help = SDK 模型中没有说明；除非阿里云技术支持要求，否则请留空。
# Resource owner ID
catalog-aliyun-r-kvstore-reset-account-password-ResourceOwnerId-label = Resource Owner ID
# In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-r-kvstore-reset-account-password-ResourceOwnerId-help = SDK 模型中没有说明；除非阿里云技术支持要求，否则请留空。
# Security token
catalog-aliyun-r-kvstore-reset-account-password-SecurityToken-label = 安全令牌
# An STS security token, in the SDK model without a description; leave it empty with a long-term AccessKey.
catalog-aliyun-r-kvstore-reset-account-password-SecurityToken-help = STS 安全令牌，SDK 模型中没有说明；使用长期 AccessKey 时请留空。
# Source business
catalog-aliyun-r-kvstore-reset-account-password-SourceBiz-label = 来源业务
# Used only for Alibaba Cloud's internal maintenance; the SDK model says not to give it.
catalog-aliyun-r-kvstore-reset-account-password-SourceBiz-help = 仅供阿里云内部维护使用；SDK 模型说明无需填写。

## aliyun-rds-reset-account-password
# Reset an RDS database account's password
catalog-aliyun-rds-reset-account-password-title = 重置 RDS 数据库账号的密码
# The instance must be running and not locked.
catalog-aliyun-rds-reset-account-password-note-1 = 实例须处于运行中状态且未被锁定。
# For MySQL, PostgreSQL, SQL Server and MariaDB. On SQL Server 2017 Cluster Edition and on PostgreSQL, accounts created with SQL statements cannot be reset this way.
catalog-aliyun-rds-reset-account-password-note-2 = 适用于 MySQL、PostgreSQL、SQL Server 和 MariaDB。SQL Server 2017 集群版和 PostgreSQL 上用 SQL 语句创建的账号不能用此接口重置。
# Needs no old password: whoever holds the key can set a new one.
catalog-aliyun-rds-reset-account-password-note-3 = 无需旧密码：持有密钥的人即可设置新密码。
# Instance ID
catalog-aliyun-rds-reset-account-password-DBInstanceId-label = 实例ID
# The RDS instance, e.g. rm-uf6wjk5xxxxxxx (DescribeDBInstances lists them).
catalog-aliyun-rds-reset-account-password-DBInstanceId-help = RDS 实例，例如 rm-uf6wjk5xxxxxxx（DescribeDBInstances 可列出）。
# Database account
catalog-aliyun-rds-reset-account-password-AccountName-label = 数据库账号
# The database account whose password changes.
catalog-aliyun-rds-reset-account-password-AccountName-help = 要修改密码的数据库账号。
# New password
catalog-aliyun-rds-reset-account-password-AccountPassword-label = 新密码
# 8 to 32 characters with at least three of: upper case, lower case, digits, special characters !@#$&%^*()_+-=
catalog-aliyun-rds-reset-account-password-AccountPassword-help = 8 到 32 个字符，至少包含大写字母、小写字母、数字、特殊字符 !@#$&%^*()_+-= 中的三种
# Owner account
catalog-aliyun-rds-reset-account-password-OwnerAccount-label = Owner Account
# In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-rds-reset-account-password-OwnerAccount-help = SDK 模型中没有说明；除非阿里云技术支持要求，否则请留空。
# Owner ID
catalog-aliyun-rds-reset-account-password-OwnerId-label = Owner ID
# In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-rds-reset-account-password-OwnerId-help = SDK 模型中没有说明；除非阿里云技术支持要求，否则请留空。
# Resource owner account
catalog-aliyun-rds-reset-account-password-ResourceOwnerAccount-label = Resource Owner Account
# In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-rds-reset-account-password-ResourceOwnerAccount-help = SDK 模型中没有说明；除非阿里云技术支持要求，否则请留空。
# Resource owner ID
catalog-aliyun-rds-reset-account-password-ResourceOwnerId-label = Resource Owner ID
# In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-rds-reset-account-password-ResourceOwnerId-help = SDK 模型中没有说明；除非阿里云技术支持要求，否则请留空。

## aliyun-polardb-modify-account-password
# Change a PolarDB cluster account's password
catalog-aliyun-polardb-modify-account-password-title = 修改 PolarDB 集群账号的密码
# Needs no old password: whoever holds the key can set a new one.
catalog-aliyun-polardb-modify-account-password-note-1 = 无需旧密码：持有密钥的人即可设置新密码。
# Not while the cluster is being migrated across engines (EngineMigration.ActionDisabled).
catalog-aliyun-polardb-modify-account-password-note-2 = 集群跨引擎迁移期间不能修改（EngineMigration.ActionDisabled）。
# Cluster ID
catalog-aliyun-polardb-modify-account-password-DBClusterId-label = 集群ID
# The PolarDB cluster, e.g. pc-************.
catalog-aliyun-polardb-modify-account-password-DBClusterId-help = PolarDB 集群，例如 pc-************。
# Database account
catalog-aliyun-polardb-modify-account-password-AccountName-label = 数据库账号
# The account whose password changes.
catalog-aliyun-polardb-modify-account-password-AccountName-help = 要修改密码的账号。
# New password
catalog-aliyun-polardb-modify-account-password-NewAccountPassword-label = 新密码
# 8 to 32 characters with at least three of: upper case, lower case, digits, special characters !@#$%^&*()_+-=
catalog-aliyun-polardb-modify-account-password-NewAccountPassword-help = 8 到 32 个字符，至少包含大写字母、小写字母、数字、特殊字符 !@#$%^&*()_+-= 中的三种
# Password type
catalog-aliyun-polardb-modify-account-password-PasswordType-label = 密码类型
# The password type; the API reference names no values (its example is Tair). Leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-polardb-modify-account-password-PasswordType-help = 密码类型；API 文档没有列出取值（示例为 Tair）。除非阿里云技术支持要求，否则请留空。
# Owner account
catalog-aliyun-polardb-modify-account-password-OwnerAccount-label = Owner Account
# In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-polardb-modify-account-password-OwnerAccount-help = SDK 模型中没有说明；除非阿里云技术支持要求，否则请留空。
# Owner ID
catalog-aliyun-polardb-modify-account-password-OwnerId-label = Owner ID
# In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-polardb-modify-account-password-OwnerId-help = SDK 模型中没有说明；除非阿里云技术支持要求，否则请留空。
# Resource owner account
catalog-aliyun-polardb-modify-account-password-ResourceOwnerAccount-label = Resource Owner Account
# In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-polardb-modify-account-password-ResourceOwnerAccount-help = SDK 模型中没有说明；除非阿里云技术支持要求，否则请留空。
# Resource owner ID
catalog-aliyun-polardb-modify-account-password-ResourceOwnerId-label = Resource Owner ID
# In the SDK model without a description; leave it empty unless Alibaba Cloud support asks for it.
catalog-aliyun-polardb-modify-account-password-ResourceOwnerId-help = SDK 模型中没有说明；除非阿里云技术支持要求，否则请留空。

## tencentcloud-redis-modify-instance-password
# Change a TencentDB for Redis instance's password
catalog-tencentcloud-redis-modify-instance-password-title = 修改云数据库 Redis 实例的密码
# The change runs as a task: the answer's TaskId tells when it has finished (DescribeTaskInfo).
catalog-tencentcloud-redis-modify-instance-password-note-1 = 修改以任务方式执行：应答中的 TaskId 可查询任务何时完成（DescribeTaskInfo）。
# At most 20 requests per second.
catalog-tencentcloud-redis-modify-instance-password-note-2 = 每秒最多 20 次请求。
# Instance ID
catalog-tencentcloud-redis-modify-instance-password-InstanceId-label = 实例ID
# The Redis instance, e.g. crs-xjhsdj****, as the console's instance list shows it.
catalog-tencentcloud-redis-modify-instance-password-InstanceId-help = Redis 实例，例如 crs-xjhsdj****，以控制台实例列表显示的为准。
# Old password
catalog-tencentcloud-redis-modify-instance-password-OldPassword-label = 旧密码
# The instance's password now.
catalog-tencentcloud-redis-modify-instance-password-OldPassword-help = 实例现在的密码。
# New password
catalog-tencentcloud-redis-modify-instance-password-Password-label = 新密码
# 8 to 30 characters, not starting with /, with at least two of: lower case, upper case, digits, special characters ()~!@#$%^&*-+=_|{}[]:;<>,.?/
catalog-tencentcloud-redis-modify-instance-password-Password-help = 8 到 30 个字符，不能以 / 开头，至少包含小写字母、大写字母、数字、特殊字符 ()~!@#$%^&*-+=_|{"{"}{"}"}[]:;<>,.?/ 中的两种

## tencentcloud-redis-reset-password
# Reset a TencentDB for Redis instance's password
catalog-tencentcloud-redis-reset-password-title = 重置云数据库 Redis 实例的密码
# Needs no old password: whoever holds the key can set a new one.
catalog-tencentcloud-redis-reset-password-note-1 = 无需旧密码：持有密钥的人即可设置新密码。
# The change runs as a task: the answer's TaskId tells when it has finished (DescribeTaskInfo).
catalog-tencentcloud-redis-reset-password-note-2 = 修改以任务方式执行：应答中的 TaskId 可查询任务何时完成（DescribeTaskInfo）。
# Keyturn never switches an instance to password-free access (NoAuth true): that removes the password rather than rotating it.
catalog-tencentcloud-redis-reset-password-note-3 = Keyturn 不会把实例切换为免密访问（NoAuth 为 true）：那会去掉密码，而不是轮换密码。
# At most 20 requests per second.
catalog-tencentcloud-redis-reset-password-note-4 = 每秒最多 20 次请求。
# Instance ID
catalog-tencentcloud-redis-reset-password-InstanceId-label = 实例ID
# The Redis instance, e.g. crs-xjhsdj****, as the console's instance list shows it.
catalog-tencentcloud-redis-reset-password-InstanceId-help = Redis 实例，例如 crs-xjhsdj****，以控制台实例列表显示的为准。
# New password
catalog-tencentcloud-redis-reset-password-Password-label = 新密码
# 8 to 32 characters, not starting with /, with at least two of: lower case, upper case, digits, special characters ()~!@#$%^&*-+=_|{}[]:;<>,.?/
catalog-tencentcloud-redis-reset-password-Password-help = 8 到 32 个字符，不能以 / 开头，至少包含小写字母、大写字母、数字、特殊字符 ()~!@#$%^&*-+=_|{"{"}{"}"}[]:;<>,.?/ 中的两种
# Password-free access
catalog-tencentcloud-redis-reset-password-NoAuth-label = 免密访问
# false switches a password-free instance back to password access. Left out, the instance keeps its mode. true (password-free) is not offered.
catalog-tencentcloud-redis-reset-password-NoAuth-help = false 会把免密实例切换回密码访问。不填则实例保持原来的模式。不提供 true（免密）。
# password access
catalog-tencentcloud-redis-reset-password-NoAuth-choice-false = 密码访问
# Encrypted password
catalog-tencentcloud-redis-reset-password-EncryptPassword-label = 加密密码
# false: the password is sent as typed. Keyturn never sends an encrypted one (the API does not document how to encrypt it).
catalog-tencentcloud-redis-reset-password-EncryptPassword-help = false：密码按输入原样发送。Keyturn 不发送加密的密码（接口没有说明如何加密）。
# sent as typed
catalog-tencentcloud-redis-reset-password-EncryptPassword-choice-false = 按原样发送

## tencentcloud-cdb-modify-account-password
# Change a TencentDB for MySQL account's password
catalog-tencentcloud-cdb-modify-account-password-title = 修改云数据库 MySQL 账号的密码
# Changes one account, named by its user and host (user@host).
catalog-tencentcloud-cdb-modify-account-password-note-1 = 只修改一个账号，由用户名和主机（user@host）确定。
# Needs no old password: whoever holds the key can set a new one.
catalog-tencentcloud-cdb-modify-account-password-note-2 = 无需旧密码：持有密钥的人即可设置新密码。
# The change runs as an asynchronous task: the answer's AsyncRequestId tells when it has finished (DescribeAsyncRequestInfo).
catalog-tencentcloud-cdb-modify-account-password-note-3 = 修改以异步任务方式执行：应答中的 AsyncRequestId 可查询任务何时完成（DescribeAsyncRequestInfo）。
# Instance ID
catalog-tencentcloud-cdb-modify-account-password-InstanceId-label = 实例ID
# The MySQL instance, e.g. cdb-c1nl9rpv, as the console shows it.
catalog-tencentcloud-cdb-modify-account-password-InstanceId-help = MySQL 实例，例如 cdb-c1nl9rpv，以控制台显示的为准。
# New password
catalog-tencentcloud-cdb-modify-account-password-NewPassword-label = 新密码
# 8 to 64 characters with at least two of: letters, digits, special characters _+-&=!@#$%^*()
catalog-tencentcloud-cdb-modify-account-password-NewPassword-help = 8 到 64 个字符，至少包含字母、数字、特殊字符 _+-&=!@#$%^*() 中的两种
# Account
catalog-tencentcloud-cdb-modify-account-password-Accounts-0-User-label = 账号
# The account's user name, as DescribeAccounts lists it.
catalog-tencentcloud-cdb-modify-account-password-Accounts-0-User-help = 账号的用户名，以 DescribeAccounts 列出的为准。
# Account host
catalog-tencentcloud-cdb-modify-account-password-Accounts-0-Host-label = 账号主机
# The host the account may connect from, as DescribeAccounts lists it; % (any host) unless given.
catalog-tencentcloud-cdb-modify-account-password-Accounts-0-Host-help = 账号允许连接的主机，以 DescribeAccounts 列出的为准；不填则为 %（任意主机）。
# Skip password validation
catalog-tencentcloud-cdb-modify-account-password-SkipValidatePassword-label = 跳过密码校验
# The SDK model says this field is no longer used.
catalog-tencentcloud-cdb-modify-account-password-SkipValidatePassword-help = SDK 模型说明该字段已废弃。
# skip
catalog-tencentcloud-cdb-modify-account-password-SkipValidatePassword-choice-true = 跳过
# do not skip
catalog-tencentcloud-cdb-modify-account-password-SkipValidatePassword-choice-false = 不跳过

## huaweicloud-rds-reset-password
# Reset the root password of an RDS instance
catalog-huaweicloud-rds-reset-password-title = 重置 RDS 实例的 root 密码
# Changes the administrator account, root; other accounts have an API of their own.
catalog-huaweicloud-rds-reset-password-note-1 = 修改管理员账号 root 的密码；其他账号另有接口。
# Not while the instance is being created, rebooted, upgraded or resized, or while users are being created or deleted.
catalog-huaweicloud-rds-reset-password-note-2 = 实例在创建、重启、升级、变更规格、创建用户或删除用户期间不能重置密码。
# Needs no old password: whoever holds the key can set a new one.
catalog-huaweicloud-rds-reset-password-note-3 = 无需旧密码：持有密钥的人即可设置新密码。
# Project ID
catalog-huaweicloud-rds-reset-password-project_id-label = 项目ID
# The project of the region the instance is in.
catalog-huaweicloud-rds-reset-password-project_id-help = 实例所在地域的项目。
# Instance ID
catalog-huaweicloud-rds-reset-password-instance_id-label = 实例ID
# The RDS instance.
catalog-huaweicloud-rds-reset-password-instance_id-help = RDS 实例。
# New password
catalog-huaweicloud-rds-reset-password-db_user_pwd-label = 新密码
# 8 to 32 characters with at least three of: upper case, lower case, digits, special characters ~!@#%^*-_=+?, (newer versions also $()&)
catalog-huaweicloud-rds-reset-password-db_user_pwd-help = 8 到 32 个字符，至少包含大写字母、小写字母、数字、特殊字符 ~!@#%^*-_=+?, 中的三种（较新版本还接受 $()&）
# Language of errors
catalog-huaweicloud-rds-reset-password-X-Language-label = 错误信息的语言
# The language the API answers errors in. Sent as a header.
catalog-huaweicloud-rds-reset-password-X-Language-help = 接口返回错误信息所用的语言，以请求头发送。
# English
catalog-huaweicloud-rds-reset-password-X-Language-choice-en-us = 英文
# Chinese
catalog-huaweicloud-rds-reset-password-X-Language-choice-zh-cn = 中文
# $ is accepted only by newer versions of the API
catalog-huaweicloud-rds-reset-password-char-1 = 只有较新版本的接口接受 $
# ( is accepted only by newer versions of the API
catalog-huaweicloud-rds-reset-password-char-2 = 只有较新版本的接口接受 (
# ) is accepted only by newer versions of the API
catalog-huaweicloud-rds-reset-password-char-3 = 只有较新版本的接口接受 )
# & is accepted only by newer versions of the API
catalog-huaweicloud-rds-reset-password-char-4 = 只有较新版本的接口接受 &

## huaweicloud-dds-reset-password
# Change a DDS (MongoDB) database user's password
catalog-huaweicloud-dds-reset-password-title = 修改 DDS（MongoDB）数据库用户的密码
# Not on frozen or abnormal instances.
catalog-huaweicloud-dds-reset-password-note-1 = 冻结或异常的实例不能修改。
# Changes rwuser in admin unless another user or database is given; sharduser and csuser are accepted too.
catalog-huaweicloud-dds-reset-password-note-2 = 未指定其他用户或数据库时，修改 admin 库中的 rwuser；也接受 sharduser 和 csuser。
# Needs no old password: whoever holds the key can set a new one.
catalog-huaweicloud-dds-reset-password-note-3 = 无需旧密码：持有密钥的人即可设置新密码。
# Project ID
catalog-huaweicloud-dds-reset-password-project_id-label = 项目ID
# The project of the region the instance is in.
catalog-huaweicloud-dds-reset-password-project_id-help = 实例所在地域的项目。
# Instance ID
catalog-huaweicloud-dds-reset-password-instance_id-label = 实例ID
# The DDS instance.
catalog-huaweicloud-dds-reset-password-instance_id-help = DDS 实例。
# New password
catalog-huaweicloud-dds-reset-password-user_pwd-label = 新密码
# 8 to 32 characters with upper case, lower case, digits and special characters ~!@#%^*-_=+?
catalog-huaweicloud-dds-reset-password-user_pwd-help = 8 到 32 个字符，须同时包含大写字母、小写字母、数字和特殊字符 ~!@#%^*-_=+?
# Database user
catalog-huaweicloud-dds-reset-password-user_name-label = 数据库用户
# The user whose password changes: rwuser unless given (sharduser and csuser are accepted too).
catalog-huaweicloud-dds-reset-password-user_name-help = 要修改密码的用户：不填则为 rwuser（也接受 sharduser 和 csuser）。
# Database
catalog-huaweicloud-dds-reset-password-db_name-label = 数据库
# The database the user is in: admin unless given.
catalog-huaweicloud-dds-reset-password-db_name-help = 用户所在的数据库：不填则为 admin。

## ucloud-udb-modify-instance-password
# Change a UDB instance's administrator password
catalog-ucloud-udb-modify-instance-password-title = 修改 UDB 实例的管理员密码
# Needs no old password: whoever holds the key can set a new one.
catalog-ucloud-udb-modify-instance-password-note-1 = 无需旧密码：持有密钥的人即可设置新密码。
# For SQL Server, give the account; other engines change the administrator account.
catalog-ucloud-udb-modify-instance-password-note-2 = SQL Server 须指定账号；其他引擎修改管理员账号的密码。
# Region
catalog-ucloud-udb-modify-instance-password-Region-label = 地域
# Region of the instance, e.g. cn-bj2. Give it with --region.
catalog-ucloud-udb-modify-instance-password-Region-help = 实例所在的地域，例如 cn-bj2。请用 --region 给出。
# Zone
catalog-ucloud-udb-modify-instance-password-Zone-label = 可用区
# Availability zone, e.g. cn-bj2-04. Optional.
catalog-ucloud-udb-modify-instance-password-Zone-help = 可用区，例如 cn-bj2-04。选填。
# Project ID
catalog-ucloud-udb-modify-instance-password-ProjectId-label = 项目ID
# Optional for the main account (the default project is used); sub-accounts must give it.
catalog-ucloud-udb-modify-instance-password-ProjectId-help = 主账号可不填（使用默认项目）；子账号必须填写。
# Instance ID
catalog-ucloud-udb-modify-instance-password-DBId-label = 实例ID
# The UDB instance, e.g. udb-xxxxxx (DescribeUDBInstance lists them).
catalog-ucloud-udb-modify-instance-password-DBId-help = UDB 实例，例如 udb-xxxxxx（DescribeUDBInstance 可列出）。
# New password
catalog-ucloud-udb-modify-instance-password-Password-label = 新密码
# 8 to 36 characters: letters, digits and @#$%^*-+=_,?!&()~.| with at least two kinds.
catalog-ucloud-udb-modify-instance-password-Password-help = 8 到 36 个字符：字母、数字和 @#$%^*-+=_,?!&()~.|，须包含其中两类及以上。
# SQL Server account
catalog-ucloud-udb-modify-instance-password-AccountName-label = SQL Server 账号
# Only for SQL Server: the account whose password changes.
catalog-ucloud-udb-modify-instance-password-AccountName-help = 仅用于 SQL Server：要修改密码的账号。
