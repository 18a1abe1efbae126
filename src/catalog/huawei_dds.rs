//! Huawei Cloud DDS (Document Database Service, MongoDB), API v3: reset
//! a database user's password, `PUT
//! /v3/{project_id}/instances/{instance_id}/reset-password` on
//! `dds.{region}.myhuaweicloud.com`, body `{"user_pwd", "user_name",
//! "db_name"}`, without the old password.
//!
//! References:
//! - <https://support.huaweicloud.com/intl/en-us/api-dds/dds_api_0075.html>
//!   ("Changing the Password of a Database User": user_name defaults to
//!   rwuser, "Users sharduser and csuser are also supported"; db_name
//!   defaults to admin; not on frozen or abnormal instances)
//! - the SDK model: `huaweicloudsdkdds` 3.1.219, `ResetPasswordRequest`
//!   (`instance_id`, body `ResetPasswordRequestBody`: `user_pwd`,
//!   `user_name`, `db_name`), `DdsClient._reset_password_http_info`; hosts
//!   from `v3/region/dds_region.py`.
//!
//! It answers `{}` with status 200. A MongoDB user is named by its
//! database and name, so both are resource fields; their defaults are
//! sent, so the key of a call that leaves them out is the same as one that
//! gives them.

use super::*;
use crate::rules::{
    Alphabet, CharClass, ClassRule, GeneratorSpec, LengthRule, PasswordPolicy, Severity, Specials,
};

pub static RESET_PASSWORD: Operation = Operation {
    id: "huaweicloud.dds.reset-password",
    provider: Provider::Huawei,
    product: "DDS",
    api: "ResetPassword",
    title: "Change a DDS (MongoDB) database user's password",
    notes: &[
        "Not on frozen or abnormal instances.",
        "Changes rwuser in admin unless another user or database is given; sharduser and csuser are accepted too.",
        "Needs no old password: whoever holds the key can set a new one.",
    ],
    fields: &[
        Field::path_id(
            "project_id",
            "Project ID",
            "The project of the region the instance is in.",
        ),
        Field::path_id("instance_id", "Instance ID", "The DDS instance."),
        Field::secret(
            "user_pwd",
            "New password",
            "8 to 32 characters with upper case, lower case, digits and special characters ~!@#%^*-_=+?",
        ),
        Field {
            default: Some("rwuser"),
            ..Field::account(
                "user_name",
                "Database user",
                "The user whose password changes: rwuser unless given (sharduser and csuser are accepted too).",
                true,
            )
        },
        Field {
            // Sent only when chosen, as the SDK does; without it the API
            // changes the user in `admin`.
            absent_means: Some("admin"),
            required: false,
            advanced: true,
            ..Field::account(
                "db_name",
                "Database",
                "The database the user is in: admin unless given.",
                true,
            )
        },
    ],
    region: RegionSpec {
        required: true,
        param: None,
        global_host: None,
        // The SDK's region table (`dds_region.py`, 34 regions) and no
        // pattern beside it: the SDK refuses any other region, and so does
        // Keyturn unless an endpoint is given.
        regional_host: None,
        region_hosts: &[
            ("ae-ad-1", "dds.ae-ad-1.myhuaweicloud.com"),
            ("af-north-1", "dds.af-north-1.myhuaweicloud.com"),
            ("af-south-1", "dds.af-south-1.myhuaweicloud.com"),
            ("ap-southeast-1", "dds.ap-southeast-1.myhuaweicloud.com"),
            ("ap-southeast-2", "dds.ap-southeast-2.myhuaweicloud.com"),
            ("ap-southeast-3", "dds.ap-southeast-3.myhuaweicloud.com"),
            ("ap-southeast-4", "dds.ap-southeast-4.myhuaweicloud.com"),
            ("ap-southeast-5", "dds.ap-southeast-5.myhuaweicloud.com"),
            ("cn-east-2", "dds.cn-east-2.myhuaweicloud.com"),
            ("cn-east-3", "dds.cn-east-3.myhuaweicloud.com"),
            ("cn-east-4", "dds.cn-east-4.myhuaweicloud.com"),
            ("cn-east-5", "dds.cn-east-5.myhuaweicloud.com"),
            ("cn-north-1", "dds.cn-north-1.myhuaweicloud.com"),
            ("cn-north-11", "dds.cn-north-11.myhuaweicloud.com"),
            ("cn-north-12", "dds.cn-north-12.myhuaweicloud.com"),
            ("cn-north-2", "dds.cn-north-2.myhuaweicloud.com"),
            ("cn-north-4", "dds.cn-north-4.myhuaweicloud.com"),
            ("cn-north-9", "dds.cn-north-9.myhuaweicloud.com"),
            ("cn-south-1", "dds.cn-south-1.myhuaweicloud.com"),
            ("cn-south-2", "dds.cn-south-2.myhuaweicloud.com"),
            ("cn-south-4", "dds.cn-south-4.myhuaweicloud.com"),
            ("cn-southwest-2", "dds.cn-southwest-2.myhuaweicloud.com"),
            ("cn-southwest-3", "dds.cn-southwest-3.myhuaweicloud.com"),
            ("eu-west-0", "dds.eu-west-0.myhuaweicloud.com"),
            ("eu-west-101", "dds.eu-west-101.myhuaweicloud.eu"),
            ("la-north-2", "dds.la-north-2.myhuaweicloud.com"),
            ("la-south-2", "dds.la-south-2.myhuaweicloud.com"),
            ("me-east-1", "dds.me-east-1.myhuaweicloud.com"),
            ("my-kualalumpur-1", "dds.my-kualalumpur-1.myhuaweicloud.com"),
            ("na-mexico-1", "dds.na-mexico-1.myhuaweicloud.com"),
            ("ru-moscow-1", "dds.ru-moscow-1.myhuaweicloud.com"),
            ("ru-northwest-2", "dds.ru-northwest-2.myhuaweicloud.com"),
            ("sa-brazil-1", "dds.sa-brazil-1.myhuaweicloud.com"),
            ("tr-west-1", "dds.tr-west-1.myhuaweicloud.com"),
        ],
        examples: &["cn-north-4", "cn-east-3", "cn-south-1", "ap-southeast-1"],
    },
    request: RequestShape::HuaweiRest {
        method: "PUT",
        path: "/v3/{project_id}/instances/{instance_id}/reset-password",
        project_field: Some("project_id"),
        content_type: "application/json",
    },
    new_password: NewPassword {
        field: "user_pwd",
        current_field: None,
        policy: PasswordPolicy {
            // dds_api_0075: "The value must be 8 to 32 characters in length and
            // contain uppercase letters (A to Z), lowercase letters (a to z),
            // digits (0 to 9), and special characters, such as ~!@#%^*-_=+?"
            // (the SDK model: "必须是大写字母…、小写字母…、数字…、特殊字符
            // ~!@#%^*-_=+?的组合"): all four classes. "such as" reads as the
            // list itself, as the Chinese says: nothing else is accepted.
            length: LengthRule {
                min: 8,
                max: Some(32),
                max_some_versions: None,
            },
            classes: Some(ClassRule {
                at_least: 4,
                of: &[
                    CharClass::Upper,
                    CharClass::Lower,
                    CharClass::Digit,
                    CharClass::Special,
                ],
            }),
            alphabet: Alphabet {
                specials: Specials::Only("~!@#%^*-_=+?"),
                not_first: "",
                version_dependent: &[],
            },
            differ_from_current: Severity::Warning,
            generator: GeneratorSpec {
                min: 8,
                max: 32,
                default: 24,
                specials: "~!@#%^*-_=+?",
            },
        },
    },
    docs_url: "https://support.huaweicloud.com/intl/en-us/api-dds/dds_api_0075.html",
    rate_limit_per_second: None,
    resource_fields: &["instance_id", "db_name", "user_name"],
    user_field: Some("user_name"),
    old_password_expiry: None,
    login: Login::NotAvailable(NoLogin::MongoNotBuilt),
    // The SDK's response model has no member: a success is `{}` at 200.
    answer: Answer::no_error("{}"),
};
