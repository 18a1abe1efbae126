//! Alibaba Cloud PolarDB, API `2017-08-01`: `ModifyAccountPassword`, RPC
//! style. It sets a cluster account's password without the old one.
//!
//! References:
//! - <https://www.alibabacloud.com/help/en/polardb/api-polardb-2017-08-01-modifyaccountpassword>
//! - the SDK model: `alibabacloud_polardb20170801` 9.2.1,
//!   `ModifyAccountPasswordRequest`, sent as query parameters
//!   (`Client.modify_account_password_with_options`).
//!
//! It answers `{"RequestId": …}`. The model has no region parameter: the
//! region only chooses the host.

use super::aliyun::{
    ACCOUNT_POLICY, OWNER_ACCOUNT, OWNER_ID, RESOURCE_OWNER_ACCOUNT, RESOURCE_OWNER_ID,
};
use super::*;

/// Region to host, as the official SDK maps them: `alibabacloud_polardb20170801`
/// 9.2.1, `Client.__init__`'s `_endpoint_map`; any other region goes to
/// `polardb.{region}.aliyuncs.com` (its "regional" rule).
const REGION_HOSTS: &[(&str, &str)] = &[
    ("ap-northeast-2-pop", "polardb.aliyuncs.com"),
    ("cn-beijing", "polardb.aliyuncs.com"),
    ("cn-beijing-finance-1", "polardb.aliyuncs.com"),
    ("cn-beijing-finance-pop", "polardb.aliyuncs.com"),
    ("cn-beijing-gov-1", "polardb.aliyuncs.com"),
    ("cn-beijing-nu16-b01", "polardb.aliyuncs.com"),
    ("cn-edge-1", "polardb.aliyuncs.com"),
    ("cn-fujian", "polardb.aliyuncs.com"),
    ("cn-haidian-cm12-c01", "polardb.aliyuncs.com"),
    ("cn-hangzhou", "polardb.aliyuncs.com"),
    ("cn-hangzhou-bj-b01", "polardb.aliyuncs.com"),
    ("cn-hangzhou-finance", "polardb.aliyuncs.com"),
    ("cn-hangzhou-internal-prod-1", "polardb.aliyuncs.com"),
    ("cn-hangzhou-internal-test-1", "polardb.aliyuncs.com"),
    ("cn-hangzhou-internal-test-2", "polardb.aliyuncs.com"),
    ("cn-hangzhou-internal-test-3", "polardb.aliyuncs.com"),
    ("cn-hangzhou-test-306", "polardb.aliyuncs.com"),
    ("cn-heyuan", "polardb.aliyuncs.com"),
    ("cn-hongkong-finance-pop", "polardb.aliyuncs.com"),
    ("cn-huhehaote-nebula-1", "polardb.aliyuncs.com"),
    ("cn-qingdao", "polardb.aliyuncs.com"),
    ("cn-qingdao-nebula", "polardb.aliyuncs.com"),
    ("cn-shanghai", "polardb.aliyuncs.com"),
    ("cn-shanghai-et15-b01", "polardb.aliyuncs.com"),
    ("cn-shanghai-et2-b01", "polardb.aliyuncs.com"),
    ("cn-shanghai-inner", "polardb.aliyuncs.com"),
    ("cn-shanghai-internal-test-1", "polardb.aliyuncs.com"),
    ("cn-shenzhen-inner", "polardb.aliyuncs.com"),
    ("cn-shenzhen-st4-d01", "polardb.aliyuncs.com"),
    ("cn-shenzhen-su18-b01", "polardb.aliyuncs.com"),
    ("cn-wuhan", "polardb.aliyuncs.com"),
    ("cn-wulanchabu", "polardb.aliyuncs.com"),
    ("cn-yushanfang", "polardb.aliyuncs.com"),
    ("cn-zhangbei", "polardb.aliyuncs.com"),
    ("cn-zhangbei-na61-b01", "polardb.aliyuncs.com"),
    ("cn-zhangjiakou-na62-a01", "polardb.aliyuncs.com"),
    ("cn-zhengzhou-nebula-1", "polardb.aliyuncs.com"),
    ("eu-west-1-oxs", "polardb.aliyuncs.com"),
    ("rus-west-1-pop", "polardb.aliyuncs.com"),
];

pub static MODIFY_ACCOUNT_PASSWORD: Operation = Operation {
    id: "aliyun.polardb.modify-account-password",
    provider: Provider::Alibaba,
    product: "PolarDB",
    api: "ModifyAccountPassword",
    title: "Change a PolarDB cluster account's password",
    notes: &[
        "Needs no old password: whoever holds the key can set a new one.",
        "Not while the cluster is being migrated across engines (EngineMigration.ActionDisabled).",
    ],
    fields: &[
        Field::id(
            "DBClusterId",
            "Cluster ID",
            "The PolarDB cluster, e.g. pc-************.",
            true,
        ),
        Field::account(
            "AccountName",
            "Database account",
            "The account whose password changes.",
            true,
        ),
        Field::secret(
            "NewAccountPassword",
            "New password",
            "8 to 32 characters with at least three of: upper case, lower case, digits, special characters !@#$%^&*()_+-=",
        ),
        Field::advanced_text(
            "PasswordType",
            "Password type",
            "The password type; the API reference names no values (its example is Tair). Leave it empty unless Alibaba Cloud support asks for it.",
        ),
        OWNER_ACCOUNT,
        OWNER_ID,
        RESOURCE_OWNER_ACCOUNT,
        RESOURCE_OWNER_ID,
    ],
    region: RegionSpec {
        required: false,
        param: None,
        global_host: Some("polardb.aliyuncs.com"),
        regional_host: Some("polardb.{region}.aliyuncs.com"),
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
        action: "ModifyAccountPassword",
        version: "2017-08-01",
    },
    new_password: NewPassword {
        field: "NewAccountPassword",
        current_field: None,
        // The SDK model's NewAccountPassword: "It must contain at least three
        // of the following character types: uppercase letters, lowercase
        // letters, digits, and special characters. It must be 8 to 32
        // characters in length. Special characters include `! @ # $ % ^ & *
        // ( ) _ + - =`".
        policy: ACCOUNT_POLICY,
    },
    docs_url: "https://www.alibabacloud.com/help/en/polardb/api-polardb-2017-08-01-modifyaccountpassword",
    rate_limit_per_second: None,
    resource_fields: &["DBClusterId", "AccountName"],
    user_field: Some("AccountName"),
    old_password_expiry: None,
    login: Login::Database,
    // The page's example: the request id alone.
    answer: Answer::no_error(r#"{"RequestId":"3E5CD764-FCCA-5C9C-838F-20E1DE5A0000"}"#),
};
