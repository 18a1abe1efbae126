//! Alibaba Cloud Tair (Redis OSS-compatible), R-KVStore API `2015-01-01`:
//! `ModifyAccountPassword` (with the old password) and
//! `ResetAccountPassword` (without it), RPC style.
//!
//! References:
//! - <https://www.alibabacloud.com/help/en/redis/developer-reference/api-r-kvstore-2015-01-01-modifyaccountpassword-redis>
//! - <https://www.alibabacloud.com/help/en/redis/developer-reference/api-r-kvstore-2015-01-01-resetaccountpassword-redis>
//!   ("Only ApsaraDB for Redis instances of Redis 4.0 or later are supported.")
//! - <https://www.alibabacloud.com/help/en/redis/user-guide/change-or-reset-the-password>
//!   (the password rules, and that a change needs no restart)
//! - the SDK models: `alibabacloud_r_kvstore20150101` 7.0.0,
//!   `ModifyAccountPasswordRequest` and `ResetAccountPasswordRequest`, sent
//!   as query parameters (`Client.modify_account_password_with_options`).
//!
//! Both answer `{"RequestId": …}` and change the password at once. Neither
//! model has a region parameter: the region only chooses the host.

use super::aliyun::{
    ACCOUNT_POLICY, OWNER_ACCOUNT, OWNER_ID, RESOURCE_OWNER_ACCOUNT, RESOURCE_OWNER_ID,
};
use super::*;

/// Region to host, as the official SDK maps them: `alibabacloud_r_kvstore20150101`
/// 7.0.0, `Client.__init__`'s `_endpoint_map`; any other region goes to
/// `r-kvstore.{region}.aliyuncs.com` (its "regional" rule).
const REGION_HOSTS: &[(&str, &str)] = &[
    ("ap-northeast-2-pop", "r-kvstore.aliyuncs.com"),
    ("cn-beijing-finance-pop", "r-kvstore.aliyuncs.com"),
    ("cn-beijing-gov-1", "r-kvstore.aliyuncs.com"),
    ("cn-beijing-nu16-b01", "r-kvstore.aliyuncs.com"),
    ("cn-edge-1", "r-kvstore.aliyuncs.com"),
    ("cn-fujian", "r-kvstore.aliyuncs.com"),
    ("cn-haidian-cm12-c01", "r-kvstore.aliyuncs.com"),
    ("cn-hangzhou", "r-kvstore.aliyuncs.com"),
    ("cn-hangzhou-bj-b01", "r-kvstore.aliyuncs.com"),
    ("cn-hangzhou-finance", "r-kvstore.aliyuncs.com"),
    ("cn-hangzhou-internal-prod-1", "r-kvstore.aliyuncs.com"),
    ("cn-hangzhou-internal-test-1", "r-kvstore.aliyuncs.com"),
    ("cn-hangzhou-internal-test-2", "r-kvstore.aliyuncs.com"),
    ("cn-hangzhou-internal-test-3", "r-kvstore.aliyuncs.com"),
    ("cn-hangzhou-test-306", "r-kvstore.aliyuncs.com"),
    ("cn-hongkong-finance-pop", "r-kvstore.aliyuncs.com"),
    ("cn-qingdao-nebula", "r-kvstore.aliyuncs.com"),
    ("cn-shanghai-et15-b01", "r-kvstore.aliyuncs.com"),
    ("cn-shanghai-et2-b01", "r-kvstore.aliyuncs.com"),
    ("cn-shanghai-inner", "r-kvstore.aliyuncs.com"),
    ("cn-shanghai-internal-test-1", "r-kvstore.aliyuncs.com"),
    ("cn-shenzhen-inner", "r-kvstore.aliyuncs.com"),
    ("cn-shenzhen-st4-d01", "r-kvstore.aliyuncs.com"),
    ("cn-shenzhen-su18-b01", "r-kvstore.aliyuncs.com"),
    ("cn-wuhan", "r-kvstore.aliyuncs.com"),
    ("cn-yushanfang", "r-kvstore.aliyuncs.com"),
    ("cn-zhangbei", "r-kvstore.aliyuncs.com"),
    ("cn-zhangbei-na61-b01", "r-kvstore.aliyuncs.com"),
    ("cn-zhangjiakou-na62-a01", "r-kvstore.aliyuncs.com"),
    ("cn-zhengzhou-nebula-1", "r-kvstore.aliyuncs.com"),
    ("eu-west-1-oxs", "r-kvstore.aliyuncs.com"),
    ("rus-west-1-pop", "r-kvstore.aliyuncs.com"),
];

const REGION: RegionSpec = RegionSpec {
    required: false,
    param: None,
    global_host: Some("r-kvstore.aliyuncs.com"),
    regional_host: Some("r-kvstore.{region}.aliyuncs.com"),
    region_hosts: REGION_HOSTS,
    examples: &[
        "cn-hangzhou",
        "cn-shanghai",
        "cn-beijing",
        "cn-shenzhen",
        "ap-southeast-1",
    ],
};

const INSTANCE_ID: Field = Field::id(
    "InstanceId",
    "Instance ID",
    "The Tair (Redis) instance the account belongs to, e.g. r-bp1zxszhcgatnx****.",
    true,
);

const ACCOUNT_NAME: Field = Field::account(
    "AccountName",
    "Account",
    "The account whose password changes, as DescribeAccounts lists it; the default account is named after the instance ID.",
    true,
);

const SECURITY_TOKEN: Field = Field {
    required: false,
    advanced: true,
    ..Field::secret(
        "SecurityToken",
        "Security token",
        "An STS security token, in the SDK model without a description; leave it empty with a long-term AccessKey.",
    )
};

const SOURCE_BIZ: Field = Field::advanced_text(
    "SourceBiz",
    "Source business",
    "Used only for Alibaba Cloud's internal maintenance; the SDK model says not to give it.",
);

const NOTES: &[&str] = &[
    "Only for instances compatible with Redis 4.0 or later; update the minor version first if Account Management is missing.",
    "The new password works at once; connections already authenticated stay open.",
];

pub static MODIFY_ACCOUNT_PASSWORD: Operation = Operation {
    id: "aliyun.r-kvstore.modify-account-password",
    provider: Provider::Alibaba,
    product: "Tair (Redis)",
    api: "ModifyAccountPassword",
    title: "Change a Tair (Redis) account's password",
    notes: NOTES,
    fields: &[
        INSTANCE_ID,
        ACCOUNT_NAME,
        Field::secret(
            "OldAccountPassword",
            "Old password",
            "The account's password now.",
        ),
        Field::secret(
            "NewAccountPassword",
            "New password",
            "8 to 32 characters with at least three of: upper case, lower case, digits, special characters !@#$%^&*()_+-=",
        ),
        OWNER_ACCOUNT,
        OWNER_ID,
        RESOURCE_OWNER_ACCOUNT,
        RESOURCE_OWNER_ID,
        SECURITY_TOKEN,
        SOURCE_BIZ,
    ],
    region: REGION,
    request: RequestShape::AliyunRpc {
        action: "ModifyAccountPassword",
        version: "2015-01-01",
    },
    new_password: NewPassword {
        field: "NewAccountPassword",
        current_field: Some("OldAccountPassword"),
        // The SDK model's NewAccountPassword: "8 to 32 characters in length
        // and must contain at least three of the following character types:
        // uppercase letters, lowercase letters, digits, and special
        // characters. Special characters include `!@#$%^&*()_+-=`."
        policy: ACCOUNT_POLICY,
    },
    docs_url: "https://www.alibabacloud.com/help/en/redis/developer-reference/api-r-kvstore-2015-01-01-modifyaccountpassword-redis",
    rate_limit_per_second: None,
    resource_fields: &["InstanceId", "AccountName"],
    user_field: Some("AccountName"),
    old_password_expiry: None,
    login: Login::Redis,
    // The page's example: the request id alone.
    answer: Answer::no_error(r#"{"RequestId":"ABAF95F6-35C1-4177-AF3A-70969EBD0000"}"#),
};

pub static RESET_ACCOUNT_PASSWORD: Operation = Operation {
    id: "aliyun.r-kvstore.reset-account-password",
    provider: Provider::Alibaba,
    product: "Tair (Redis)",
    api: "ResetAccountPassword",
    title: "Reset a Tair (Redis) account's password",
    notes: &[
        "Only for instances compatible with Redis 4.0 or later; update the minor version first if Account Management is missing.",
        "Needs no old password: whoever holds the key can set a new one.",
        "The new password works at once; connections already authenticated stay open.",
    ],
    fields: &[
        INSTANCE_ID,
        ACCOUNT_NAME,
        Field::secret(
            "AccountPassword",
            "New password",
            "8 to 32 characters with at least three of: upper case, lower case, digits, special characters !@#$%^&*()_+-=",
        ),
        OWNER_ACCOUNT,
        OWNER_ID,
        RESOURCE_OWNER_ACCOUNT,
        RESOURCE_OWNER_ID,
        SECURITY_TOKEN,
        SOURCE_BIZ,
    ],
    region: REGION,
    request: RequestShape::AliyunRpc {
        action: "ResetAccountPassword",
        version: "2015-01-01",
    },
    new_password: NewPassword {
        field: "AccountPassword",
        current_field: None,
        // The SDK model's AccountPassword: "8 to 32 characters in length and
        // must contain at least three of the following character types:
        // uppercase letters, lowercase letters, digits, and special
        // characters. The following special characters are supported:
        // `!@#$%^&*()_+-=`."
        policy: ACCOUNT_POLICY,
    },
    docs_url: "https://www.alibabacloud.com/help/en/redis/developer-reference/api-r-kvstore-2015-01-01-resetaccountpassword-redis",
    rate_limit_per_second: None,
    resource_fields: &["InstanceId", "AccountName"],
    user_field: Some("AccountName"),
    old_password_expiry: None,
    login: Login::Redis,
    // The page's example: the request id alone.
    answer: Answer::no_error(r#"{"RequestId":"ABAF95F6-35C1-4177-AF3A-70969EBD0001"}"#),
};
