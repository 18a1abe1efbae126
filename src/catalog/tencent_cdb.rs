//! Tencent Cloud TencentDB for MySQL (CDB), API 3.0 version `2017-03-20`, on
//! `cdb.tencentcloudapi.com`: `ModifyAccountPassword`.
//!
//! References:
//! - <https://www.tencentcloud.com/document/api/236/17497>
//!   (<https://cloud.tencent.com/document/api/236/17497> in Chinese)
//! - the SDK model: `tencentcloud-sdk-python-cdb` 3.1.192,
//!   `v20170320.models.ModifyAccountPasswordRequest` (`Accounts`: a list of
//!   `Account` {`User`, `Host`}).
//!
//! The API takes a list of accounts, `Accounts.N`; Keyturn changes one
//! account per rotation, so the catalogue has the first item's members,
//! `Accounts.0.User` and `Accounts.0.Host`, which the request builder puts
//! into the JSON body as `"Accounts":[{"User":…,"Host":…}]`. An account is
//! named by both, so both are resource fields.
//!
//! The change runs asynchronously: the documented success answer is
//! `{"Response": {"AsyncRequestId": "…", "RequestId": "…"}}`
//! (`AsyncRequestId` a string), whose progress `DescribeAsyncRequestInfo`
//! reads (`AsyncRequestId` in, `Status`: `INITIAL`, `RUNNING`, `SUCCESS`,
//! `FAILED`, `KILLED`, `REMOVED`, `PAUSED`, `UNDEFINED` out, the last for
//! a task waiting for the maintenance window), same version and host.

use super::*;
use crate::rules::{
    Alphabet, CharClass, ClassRule, GeneratorSpec, LengthRule, PasswordPolicy, Severity, Specials,
};

/// The change's asynchronous request, followed with
/// `DescribeAsyncRequestInfo` (same version and host): `Status` is
/// `SUCCESS` when done; `FAILED`, `KILLED` or `REMOVED` when it did not
/// happen; `INITIAL`, `RUNNING`, `PAUSED` (being terminated) or `UNDEFINED`
/// (waiting for the maintenance window) while it has not ended (the SDK
/// model's `DescribeAsyncRequestInfoResponse.Status`).
const ASYNC_REQUEST: TaskPoll = TaskPoll {
    id_field: "AsyncRequestId",
    call: RequestShape::TencentApi3 {
        service: "cdb",
        action: "DescribeAsyncRequestInfo",
        version: "2017-03-20",
    },
    id_param: "AsyncRequestId",
    state_field: "Status",
    running: &["INITIAL", "RUNNING", "PAUSED", "UNDEFINED"],
    succeeded: &["SUCCESS"],
    failed: &["FAILED", "KILLED", "REMOVED"],
};

pub static MODIFY_ACCOUNT_PASSWORD: Operation = Operation {
    id: "tencentcloud.cdb.modify-account-password",
    provider: Provider::Tencent,
    product: "MySQL",
    api: "ModifyAccountPassword",
    title: "Change a TencentDB for MySQL account's password",
    notes: &[
        "Changes one account, named by its user and host (user@host).",
        "Needs no old password: whoever holds the key can set a new one.",
        "The change runs as an asynchronous task: the answer's AsyncRequestId tells when it has finished (DescribeAsyncRequestInfo).",
    ],
    fields: &[
        Field::id(
            "InstanceId",
            "Instance ID",
            "The MySQL instance, e.g. cdb-c1nl9rpv, as the console shows it.",
            true,
        ),
        Field::secret(
            "NewPassword",
            "New password",
            "8 to 64 characters with at least two of: letters, digits, special characters _+-&=!@#$%^*()",
        ),
        Field::account(
            "Accounts.0.User",
            "Account",
            "The account's user name, as DescribeAccounts lists it.",
            true,
        ),
        Field {
            default: Some("%"),
            ..Field::account(
                "Accounts.0.Host",
                "Account host",
                "The host the account may connect from, as DescribeAccounts lists it; % (any host) unless given.",
                true,
            )
        },
        Field {
            wire_name: "SkipValidatePassword",
            label: "Skip password validation",
            help: "The SDK model says this field is no longer used.",
            kind: FieldKind::Choice(&[("true", "skip"), ("false", "do not skip")]),
            required: false,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            advanced: true,
            id_syntax: None,
            absent_means: None,
        },
    ],
    region: RegionSpec {
        required: true,
        // Region travels in the X-TC-Region header of API 3.0.
        param: None,
        global_host: Some("cdb.tencentcloudapi.com"),
        regional_host: None,
        region_hosts: &[],
        examples: &["ap-guangzhou", "ap-shanghai", "ap-beijing", "ap-singapore"],
    },
    request: RequestShape::TencentApi3 {
        service: "cdb",
        action: "ModifyAccountPassword",
        version: "2017-03-20",
    },
    new_password: NewPassword {
        field: "NewPassword",
        current_field: None,
        policy: PasswordPolicy {
            // The SDK model's NewPassword: "密码应至少包含字母、数字和字符
            // （_+-&=!@#$%^*()）中的两种，长度为8-64个字符。" Letters of either
            // case are one class here. The instance's own validate_password
            // settings may ask more; their refusal comes back as the API's
            // error.
            length: LengthRule {
                min: 8,
                max: Some(64),
                max_some_versions: None,
            },
            classes: Some(ClassRule {
                at_least: 2,
                of: &[CharClass::Letter, CharClass::Digit, CharClass::Special],
            }),
            alphabet: Alphabet {
                specials: Specials::Only("_+-&=!@#$%^*()"),
                not_first: "",
                version_dependent: &[],
            },
            differ_from_current: Severity::Warning,
            generator: GeneratorSpec {
                min: 8,
                max: 64,
                default: 24,
                // Without `$`, `&`, `(` and `)`, which a shell treats specially.
                specials: "_+-=!@#%^*",
            },
        },
    },
    docs_url: "https://www.tencentcloud.com/document/api/236/17497",
    // The page states no limit for this API.
    rate_limit_per_second: None,
    resource_fields: &["InstanceId", "Accounts.0.User", "Accounts.0.Host"],
    user_field: Some("Accounts.0.User"),
    old_password_expiry: None,
    login: Login::Database,
    answer: Answer {
        success: Success::NoError,
        task: Some(ASYNC_REQUEST),
        example: r#"{"Response":{"AsyncRequestId":"f0c0de00-00004000-80000000-0000c0de","RequestId":"6ee4f2d4-0000-4000-8000-00000000c0de"}}"#,
    },
};
