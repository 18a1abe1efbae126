//! Alibaba Cloud ApsaraDB RDS, API `2014-08-15`: `ResetAccountPassword`,
//! RPC style. It sets a database account's password without the old one.
//!
//! References:
//! - <https://www.alibabacloud.com/help/en/rds/developer-reference/api-rds-2014-08-15-resetaccountpassword>
//!   (supported engines: MySQL, PostgreSQL, SQL Server, MariaDB; "make sure
//!   that the instance is in the Running state"; SQL Server 2017 on Cluster
//!   Edition and PostgreSQL cannot reset accounts created with SQL
//!   statements)
//! - <https://www.alibabacloud.com/help/doc-detail/26269.html>
//! - the SDK model: `alibabacloud_rds20140815` 16.0.2,
//!   `ResetAccountPasswordRequest`, sent as query parameters
//!   (`Client.reset_account_password_with_options`).
//!
//! It answers `{"RequestId": …}`. The model has no region parameter: the
//! region only chooses the host.

use super::aliyun::{
    ACCOUNT_POLICY, OWNER_ACCOUNT, OWNER_ID, RESOURCE_OWNER_ACCOUNT, RESOURCE_OWNER_ID,
};
use super::*;

/// Region to host, as the official SDK maps them: `alibabacloud_rds20140815`
/// 16.0.2, `Client.__init__`'s `_endpoint_map` (`cn-hangzhou-finance` has a
/// host of its own); any other region goes to `rds.{region}.aliyuncs.com`
/// (its "regional" rule).
const REGION_HOSTS: &[(&str, &str)] = &[
    ("ap-northeast-2-pop", "rds.aliyuncs.com"),
    ("ap-southeast-1", "rds.aliyuncs.com"),
    ("cn-beijing", "rds.aliyuncs.com"),
    ("cn-beijing-finance-1", "rds.aliyuncs.com"),
    ("cn-beijing-finance-pop", "rds.aliyuncs.com"),
    ("cn-beijing-gov-1", "rds.aliyuncs.com"),
    ("cn-beijing-nu16-b01", "rds.aliyuncs.com"),
    ("cn-edge-1", "rds.aliyuncs.com"),
    ("cn-fujian", "rds.aliyuncs.com"),
    ("cn-haidian-cm12-c01", "rds.aliyuncs.com"),
    ("cn-hangzhou", "rds.aliyuncs.com"),
    ("cn-hangzhou-bj-b01", "rds.aliyuncs.com"),
    (
        "cn-hangzhou-finance",
        "rds-vpc.cn-hangzhou-finance.aliyuncs.com",
    ),
    ("cn-hangzhou-internal-prod-1", "rds.aliyuncs.com"),
    ("cn-hangzhou-internal-test-1", "rds.aliyuncs.com"),
    ("cn-hangzhou-internal-test-2", "rds.aliyuncs.com"),
    ("cn-hangzhou-internal-test-3", "rds.aliyuncs.com"),
    ("cn-hangzhou-test-306", "rds.aliyuncs.com"),
    ("cn-heyuan", "rds.aliyuncs.com"),
    ("cn-hongkong", "rds.aliyuncs.com"),
    ("cn-hongkong-finance-pop", "rds.aliyuncs.com"),
    ("cn-north-2-gov-1", "rds.aliyuncs.com"),
    ("cn-qingdao", "rds.aliyuncs.com"),
    ("cn-qingdao-nebula", "rds.aliyuncs.com"),
    ("cn-shanghai", "rds.aliyuncs.com"),
    ("cn-shanghai-et15-b01", "rds.aliyuncs.com"),
    ("cn-shanghai-et2-b01", "rds.aliyuncs.com"),
    ("cn-shanghai-finance-1", "rds.aliyuncs.com"),
    ("cn-shanghai-inner", "rds.aliyuncs.com"),
    ("cn-shanghai-internal-test-1", "rds.aliyuncs.com"),
    ("cn-shenzhen", "rds.aliyuncs.com"),
    ("cn-shenzhen-finance-1", "rds.aliyuncs.com"),
    ("cn-shenzhen-inner", "rds.aliyuncs.com"),
    ("cn-shenzhen-st4-d01", "rds.aliyuncs.com"),
    ("cn-shenzhen-su18-b01", "rds.aliyuncs.com"),
    ("cn-wuhan", "rds.aliyuncs.com"),
    ("cn-yushanfang", "rds.aliyuncs.com"),
    ("cn-zhangbei", "rds.aliyuncs.com"),
    ("cn-zhangbei-na61-b01", "rds.aliyuncs.com"),
    ("cn-zhangjiakou-na62-a01", "rds.aliyuncs.com"),
    ("cn-zhengzhou-nebula-1", "rds.aliyuncs.com"),
    ("eu-west-1-oxs", "rds.aliyuncs.com"),
    ("rus-west-1-pop", "rds.aliyuncs.com"),
    ("us-east-1", "rds.aliyuncs.com"),
    ("us-west-1", "rds.aliyuncs.com"),
];

pub static RESET_ACCOUNT_PASSWORD: Operation = Operation {
    id: "aliyun.rds.reset-account-password",
    provider: Provider::Alibaba,
    product: "RDS",
    api: "ResetAccountPassword",
    title: "Reset an RDS database account's password",
    notes: &[
        "The instance must be running and not locked.",
        "For MySQL, PostgreSQL, SQL Server and MariaDB. On SQL Server 2017 Cluster Edition and on PostgreSQL, accounts created with SQL statements cannot be reset this way.",
        "Needs no old password: whoever holds the key can set a new one.",
    ],
    fields: &[
        Field::id(
            "DBInstanceId",
            "Instance ID",
            "The RDS instance, e.g. rm-uf6wjk5xxxxxxx (DescribeDBInstances lists them).",
            true,
        ),
        Field::account(
            "AccountName",
            "Database account",
            "The database account whose password changes.",
            true,
        ),
        Field::secret(
            "AccountPassword",
            "New password",
            "8 to 32 characters with at least three of: upper case, lower case, digits, special characters !@#$&%^*()_+-=",
        ),
        OWNER_ACCOUNT,
        OWNER_ID,
        RESOURCE_OWNER_ACCOUNT,
        RESOURCE_OWNER_ID,
    ],
    region: RegionSpec {
        required: false,
        param: None,
        global_host: Some("rds.aliyuncs.com"),
        regional_host: Some("rds.{region}.aliyuncs.com"),
        region_hosts: REGION_HOSTS,
        examples: &[
            "cn-hangzhou",
            "cn-shanghai",
            "cn-beijing",
            "cn-shenzhen",
            "ap-southeast-1",
        ],
    },
    request: RequestShape::AliyunRpc {
        action: "ResetAccountPassword",
        version: "2014-08-15",
    },
    new_password: NewPassword {
        field: "AccountPassword",
        current_field: None,
        // The SDK model's AccountPassword: "The password must be 8 to 32
        // characters in length. The password must contain at least three of
        // the following character types: uppercase letters, lowercase
        // letters, digits, and special characters. Special characters
        // include `!@#$&%^*()_+-=`" (doc-detail/86925 lists the same set).
        // The rule is the same for every engine the API supports; the
        // engines' own password policies (MySQL's validate_password) may
        // ask more, and their refusal comes back as the API's error.
        policy: ACCOUNT_POLICY,
    },
    docs_url: "https://www.alibabacloud.com/help/en/rds/developer-reference/api-rds-2014-08-15-resetaccountpassword",
    rate_limit_per_second: None,
    resource_fields: &["DBInstanceId", "AccountName"],
    user_field: Some("AccountName"),
    old_password_expiry: None,
    login: Login::Database,
    // The page's example: the request id alone.
    answer: Answer::no_error(r#"{"RequestId":"D0CEC6AC-7760-409A-A0D5-E6CD86600000"}"#),
};
