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
        regional_host: Some("rds.{region}.myhuaweicloud.com"),
        // The SDK's region table (`rds_region.py`) names 34 regions, all
        // on the pattern but this one.
        region_hosts: &[("eu-west-101", "rds.eu-west-101.myhuaweicloud.eu")],
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
