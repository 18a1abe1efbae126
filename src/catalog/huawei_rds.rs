//! Huawei Cloud RDS, API v3: `ResetPwd`, `POST
//! /v3/{project_id}/instances/{instance_id}/password` on
//! `rds.{region}.myhuaweicloud.com`, body `{"db_user_pwd": …}`. It resets
//! the password of the instance's administrator account, root, without
//! the old one.
//!
//! References:
//! - <https://support.huaweicloud.com/intl/en-us/api-rds/rds_05_0011.html>
//!   ("Resetting the Password for User root"; the constraints on the
//!   instance's status)
//! - the SDK model: `huaweicloudsdkrds` 3.1.219, `ResetPwdRequest`
//!   (`X-Language` header, `instance_id`, body `PwdResetRequest`:
//!   `db_user_pwd`), `RdsClient._reset_pwd_http_info`; hosts from
//!   `v3/region/rds_region.py`.
//!
//! It answers `{}` with status 200.

use super::*;
use crate::rules::{
    Alphabet, CharClass, ClassRule, GeneratorSpec, LengthRule, PasswordPolicy, Severity, Specials,
};

pub static RESET_PASSWORD: Operation = Operation {
    id: "huaweicloud.rds.reset-password",
    provider: Provider::Huawei,
    product: "RDS",
    api: "ResetPwd",
    title: "Reset the root password of an RDS instance",
    notes: &[
        "Changes the administrator account, root; other accounts have an API of their own.",
        "Not while the instance is being created, rebooted, upgraded or resized, or while users are being created or deleted.",
        "Needs no old password: whoever holds the key can set a new one.",
    ],
    fields: &[
        Field::path_id(
            "project_id",
            "Project ID",
            "The project of the region the instance is in.",
        ),
        Field::path_id("instance_id", "Instance ID", "The RDS instance."),
        Field::secret(
            "db_user_pwd",
            "New password",
            "8 to 32 characters with at least three of: upper case, lower case, digits, special characters ~!@#%^*-_=+?, (newer versions also $()&)",
        ),
        Field {
            wire_name: "X-Language",
            label: "Language of errors",
            help: "The language the API answers errors in. Sent as a header.",
            kind: FieldKind::Choice(&[("en-us", "English"), ("zh-cn", "Chinese")]),
            required: false,
            default: None,
            location: Location::Header,
            encoding: Encoding::Plain,
            empty_means: None,
            advanced: true,
            id_syntax: None,
            absent_means: None,
        },
    ],
    region: RegionSpec {
        required: true,
        param: None,
        global_host: None,
        // The SDK's region table (`rds_region.py`, 34 regions) and no
        // pattern beside it: the SDK refuses any other region, and so does
        // Keyturn unless an endpoint is given.
        regional_host: None,
        region_hosts: &[
            ("ae-ad-1", "rds.ae-ad-1.myhuaweicloud.com"),
            ("af-north-1", "rds.af-north-1.myhuaweicloud.com"),
            ("af-south-1", "rds.af-south-1.myhuaweicloud.com"),
            ("ap-southeast-1", "rds.ap-southeast-1.myhuaweicloud.com"),
            ("ap-southeast-2", "rds.ap-southeast-2.myhuaweicloud.com"),
            ("ap-southeast-3", "rds.ap-southeast-3.myhuaweicloud.com"),
            ("ap-southeast-4", "rds.ap-southeast-4.myhuaweicloud.com"),
            ("ap-southeast-5", "rds.ap-southeast-5.myhuaweicloud.com"),
            ("cn-east-2", "rds.cn-east-2.myhuaweicloud.com"),
            ("cn-east-3", "rds.cn-east-3.myhuaweicloud.com"),
            ("cn-east-4", "rds.cn-east-4.myhuaweicloud.com"),
            ("cn-east-5", "rds.cn-east-5.myhuaweicloud.com"),
            ("cn-north-1", "rds.cn-north-1.myhuaweicloud.com"),
            ("cn-north-11", "rds.cn-north-11.myhuaweicloud.com"),
            ("cn-north-12", "rds.cn-north-12.myhuaweicloud.com"),
            ("cn-north-2", "rds.cn-north-2.myhuaweicloud.com"),
            ("cn-north-4", "rds.cn-north-4.myhuaweicloud.com"),
            ("cn-north-9", "rds.cn-north-9.myhuaweicloud.com"),
            ("cn-south-1", "rds.cn-south-1.myhuaweicloud.com"),
            ("cn-south-2", "rds.cn-south-2.myhuaweicloud.com"),
            ("cn-south-4", "rds.cn-south-4.myhuaweicloud.com"),
            ("cn-southwest-2", "rds.cn-southwest-2.myhuaweicloud.com"),
            ("cn-southwest-3", "rds.cn-southwest-3.myhuaweicloud.com"),
            ("eu-west-0", "rds.eu-west-0.myhuaweicloud.com"),
            ("eu-west-101", "rds.eu-west-101.myhuaweicloud.eu"),
            ("la-north-2", "rds.la-north-2.myhuaweicloud.com"),
            ("la-south-2", "rds.la-south-2.myhuaweicloud.com"),
            ("me-east-1", "rds.me-east-1.myhuaweicloud.com"),
            ("my-kualalumpur-1", "rds.my-kualalumpur-1.myhuaweicloud.com"),
            ("na-mexico-1", "rds.na-mexico-1.myhuaweicloud.com"),
            ("ru-moscow-1", "rds.ru-moscow-1.myhuaweicloud.com"),
            ("ru-northwest-2", "rds.ru-northwest-2.myhuaweicloud.com"),
            ("sa-brazil-1", "rds.sa-brazil-1.myhuaweicloud.com"),
            ("tr-west-1", "rds.tr-west-1.myhuaweicloud.com"),
        ],
        examples: &["cn-north-4", "cn-east-3", "cn-south-1", "ap-southeast-1"],
    },
    request: RequestShape::HuaweiRest {
        method: "POST",
        path: "/v3/{project_id}/instances/{instance_id}/password",
        project_field: Some("project_id"),
        content_type: "application/json",
    },
    new_password: NewPassword {
        field: "db_user_pwd",
        current_field: None,
        policy: PasswordPolicy {
            // rds_05_0011: "8 to 32 characters long and contain at least three
            // types of the following characters: uppercase letters, lowercase
            // letters, digits, and special characters (~!@#%^*-_=+?,)". The
            // current edition of the same page lists "~!@#$%^*-_=+?,()&":
            // `$ ( ) &` are a warning, accepted by some versions.
            length: LengthRule {
                min: 8,
                max: Some(32),
                max_some_versions: None,
            },
            classes: Some(ClassRule {
                at_least: 3,
                of: &[
                    CharClass::Upper,
                    CharClass::Lower,
                    CharClass::Digit,
                    CharClass::Special,
                ],
            }),
            alphabet: Alphabet {
                specials: Specials::Only("~!@#%^*-_=+?,"),
                not_first: "",
                version_dependent: &[
                    ('$', "$ is accepted only by newer versions of the API"),
                    ('(', "( is accepted only by newer versions of the API"),
                    (')', ") is accepted only by newer versions of the API"),
                    ('&', "& is accepted only by newer versions of the API"),
                ],
            },
            differ_from_current: Severity::Warning,
            generator: GeneratorSpec {
                min: 8,
                max: 32,
                default: 24,
                specials: "~!@#%^*-_=+?,",
            },
        },
    },
    docs_url: "https://support.huaweicloud.com/intl/en-us/api-rds/rds_05_0011.html",
    rate_limit_per_second: None,
    resource_fields: &["instance_id"],
    user_field: None,
    old_password_expiry: None,
    login: Login::Database,
    // The SDK's response model has no member: a success is `{}` at 200.
    answer: Answer::no_error("{}"),
};
