//! Huawei Cloud DCS (Redis / Memcached): `UpdatePassword`.
//!
//! `PUT /v2/{project_id}/instances/{instance_id}/password` on
//! `dcs.{region}.myhuaweicloud.com` with a JSON body. Five wrong old
//! passwords in a row lock password changes for five minutes.

use super::*;
use crate::rules::{
    Alphabet, CharClass, ClassRule, GeneratorSpec, LengthRule, PasswordPolicy, Severity, Specials,
};

/// The special characters every version of the API accepts, plus `:` which
/// older versions accept and newer ones refuse (see `version_dependent`).
/// Every version's list starts with the backtick.
const SPECIALS: &str = "`~!@#$^&*()-_=+\\|{}:,<.>/?";
/// What the generator draws from: `SPECIALS` without `:` (refused by newer
/// versions) and without the backtick (accepted, but the one character a
/// shell treats specially even inside double quotes).
const GENERATOR_SPECIALS: &str = "~!@#$^&*()-_=+\\|{},<.>/?";

/// Region to host, as the official SDK maps them: huaweicloud-sdk-nodejs-v3,
/// `services/dcs/v2/DcsRegion.ts` (`REGION_MAP`; `valueOf` throws
/// "Unexpected regionId" for any other). Each is `dcs.{region}.…`.
const DCS_REGION_HOSTS: &[(&str, &str)] = &[
    ("af-south-1", "dcs.af-south-1.myhuaweicloud.com"),
    ("cn-north-2", "dcs.cn-north-2.myhuaweicloud.com"),
    ("cn-north-4", "dcs.cn-north-4.myhuaweicloud.com"),
    ("cn-north-1", "dcs.cn-north-1.myhuaweicloud.com"),
    ("cn-east-2", "dcs.cn-east-2.myhuaweicloud.com"),
    ("cn-east-3", "dcs.cn-east-3.myhuaweicloud.com"),
    ("cn-south-1", "dcs.cn-south-1.myhuaweicloud.com"),
    ("cn-south-2", "dcs.cn-south-2.myhuaweicloud.com"),
    ("cn-southwest-2", "dcs.cn-southwest-2.myhuaweicloud.com"),
    ("ap-southeast-2", "dcs.ap-southeast-2.myhuaweicloud.com"),
    ("ap-southeast-1", "dcs.ap-southeast-1.myhuaweicloud.com"),
    ("ap-southeast-3", "dcs.ap-southeast-3.myhuaweicloud.com"),
    ("ru-northwest-2", "dcs.ru-northwest-2.myhuaweicloud.com"),
    ("sa-brazil-1", "dcs.sa-brazil-1.myhuaweicloud.com"),
    ("la-north-2", "dcs.la-north-2.myhuaweicloud.com"),
    ("la-south-2", "dcs.la-south-2.myhuaweicloud.com"),
    ("cn-north-9", "dcs.cn-north-9.myhuaweicloud.com"),
    ("na-mexico-1", "dcs.na-mexico-1.myhuaweicloud.com"),
    ("ae-ad-1", "dcs.ae-ad-1.myhuaweicloud.com"),
    ("tr-west-1", "dcs.tr-west-1.myhuaweicloud.com"),
    ("ap-southeast-4", "dcs.ap-southeast-4.myhuaweicloud.com"),
    ("eu-west-101", "dcs.eu-west-101.myhuaweicloud.com"),
    ("me-east-1", "dcs.me-east-1.myhuaweicloud.com"),
    ("eu-west-0", "dcs.eu-west-0.myhuaweicloud.com"),
    ("cn-east-5", "dcs.cn-east-5.myhuaweicloud.com"),
    ("my-kualalumpur-1", "dcs.my-kualalumpur-1.myhuaweicloud.com"),
    ("ru-moscow-1", "dcs.ru-moscow-1.myhuaweicloud.com"),
    ("cn-east-4", "dcs.cn-east-4.myhuaweicloud.com"),
    ("ap-southeast-5", "dcs.ap-southeast-5.myhuaweicloud.com"),
    ("cn-north-12", "dcs.cn-north-12.myhuaweicloud.com"),
];

pub static DCS_UPDATE_PASSWORD: Operation = Operation {
    id: "huaweicloud.dcs.update-password",
    provider: Provider::Huawei,
    product: "DCS",
    api: "UpdatePassword",
    title: "Change a DCS (Redis / Memcached) instance's password",
    notes: &[
        "Five wrong old passwords in a row lock password changes for five minutes.",
        "The new password must differ from the old one.",
    ],
    fields: &[
        Field {
            wire_name: "project_id",
            label: "Project ID",
            help: "The project of the region the instance is in.",
            kind: FieldKind::Text,
            required: true,
            default: None,
            location: Location::Path,
            encoding: Encoding::Plain,
            empty_means: None,
            advanced: false,
            id_syntax: Some(PATH_ID),
            absent_means: None,
        },
        Field {
            wire_name: "instance_id",
            label: "Instance ID",
            help: "The DCS instance.",
            kind: FieldKind::Text,
            required: true,
            default: None,
            location: Location::Path,
            encoding: Encoding::Plain,
            empty_means: None,
            advanced: false,
            id_syntax: Some(PATH_ID),
            absent_means: None,
        },
        Field {
            wire_name: "old_password",
            label: "Old password",
            help: "The instance's password now. Five wrong tries lock changes for five minutes.",
            kind: FieldKind::Secret,
            required: true,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            advanced: false,
            id_syntax: None,
            absent_means: None,
        },
        Field {
            wire_name: "new_password",
            label: "New password",
            help: "8 to 32 characters (some regions allow 64) with at least three of: lower case, upper case, digits, special characters `~!@#$^&*()-_=+\\|{}:,<.>/?",
            kind: FieldKind::Secret,
            required: true,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            advanced: false,
            id_syntax: None,
            absent_means: None,
        },
    ],
    region: RegionSpec {
        required: true,
        param: None,
        global_host: None,
        // Only the SDK's regions: it refuses any other, and so does
        // Keyturn unless an endpoint is given (`EndpointError::UnknownRegion`).
        regional_host: None,
        region_hosts: DCS_REGION_HOSTS,
        examples: &["cn-north-4", "cn-east-3", "cn-south-1", "ap-southeast-1"],
    },
    request: RequestShape::HuaweiRest {
        method: "PUT",
        path: "/v2/{project_id}/instances/{instance_id}/password",
        project_field: Some("project_id"),
        content_type: "application/json;charset=utf-8",
    },
    new_password: NewPassword {
        field: "new_password",
        current_field: Some("old_password"),
        policy: PasswordPolicy {
            // Huawei's pages differ by version: newer ones allow up to 64
            // characters and `%`, and forbid `:`. What only some versions
            // accept is a warning, never an error.
            length: LengthRule {
                min: 8,
                max: Some(32),
                max_some_versions: Some(64),
            },
            classes: Some(ClassRule {
                at_least: 3,
                of: &[
                    CharClass::Lower,
                    CharClass::Upper,
                    CharClass::Digit,
                    CharClass::Special,
                ],
            }),
            alphabet: Alphabet {
                specials: Specials::Only(SPECIALS),
                not_first: "",
                version_dependent: &[
                    ('%', "% is accepted only by newer API versions"),
                    (':', ": is refused by newer API versions"),
                ],
            },
            differ_from_current: Severity::Error,
            generator: GeneratorSpec {
                min: 8,
                max: 32,
                default: 24,
                specials: GENERATOR_SPECIALS,
            },
        },
    },
    docs_url: "https://support.huaweicloud.com/api-dcs/UpdatePassword.html",
    rate_limit_per_second: None,
    resource_fields: &["instance_id"],
    user_field: None,
    old_password_expiry: None,
    login: Login::Redis,
    answer: Answer {
        success: Success::ResultWord("result"),
        task: None,
        example: r#"{"lock_time":"0","result":"success","lock_time_left":"0","retry_times_left":"5","message":"Modify DCSInstance password success."}"#,
    },
};
