//! Tencent Cloud TcaplusDB: `ModifyClusterPassword`, API 3.0, version
//! `2019-08-23`, on `tcaplusdb.tencentcloudapi.com`.
//!
//! The old password keeps working until `OldPasswordExpireTime`; while it
//! does, a new change is refused (`FailedOperation.OldPasswordInUse`). At
//! most 20 requests per second.

use super::*;
use crate::rules::{
    Alphabet, CharClass, ClassRule, GeneratorSpec, LengthRule, PasswordPolicy, Severity, Specials,
};

pub static MODIFY_CLUSTER_PASSWORD: Operation = Operation {
    id: "tencentcloud.tcaplusdb.modify-cluster-password",
    provider: Provider::Tencent,
    product: "TcaplusDB",
    api: "ModifyClusterPassword",
    title: "Change a TcaplusDB cluster's password",
    notes: &[
        "Old and new passwords both work until the old one expires.",
        "No new change is accepted while an old password is still valid.",
        "At most 20 requests per second.",
    ],
    fields: &[
        Field {
            wire_name: "ClusterId",
            label: "Cluster ID",
            help: "The cluster whose password changes, e.g. 23311894780.",
            kind: FieldKind::Text,
            required: true,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            id_syntax: None,
        },
        Field {
            wire_name: "OldPassword",
            label: "Old password",
            help: "The cluster's password now.",
            kind: FieldKind::Secret,
            required: true,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            id_syntax: None,
        },
        Field {
            wire_name: "OldPasswordExpireTime",
            label: "Old password expires",
            help: "When the old password stops working (YYYY-MM-DD HH:MM:SS); both work until then.",
            kind: FieldKind::DateTime(DateTimeFormat::SpaceSeparated),
            required: true,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            id_syntax: None,
        },
        Field {
            wire_name: "NewPassword",
            label: "New password",
            help: "Must contain lower-case letters, upper-case letters and digits.",
            kind: FieldKind::Secret,
            required: true,
            default: None,
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            id_syntax: None,
        },
        Field {
            wire_name: "Mode",
            label: "Mode",
            help: "1 changes the password; 2 changes only the old password's expiry time.",
            kind: FieldKind::Choice(&[
                ("1", "change the password"),
                ("2", "change only the old password's expiry"),
            ]),
            required: false,
            default: Some("1"),
            location: Location::Param,
            encoding: Encoding::Plain,
            empty_means: None,
            id_syntax: None,
        },
    ],
    region: RegionSpec {
        required: true,
        // Region travels in the X-TC-Region header of API 3.0.
        param: None,
        global_host: Some("tcaplusdb.tencentcloudapi.com"),
        regional_host: None,
        examples: &["ap-guangzhou", "ap-shanghai", "ap-beijing", "ap-singapore"],
    },
    request: RequestShape::TencentApi3 {
        service: "tcaplusdb",
        action: "ModifyClusterPassword",
        version: "2019-08-23",
    },
    new_password: NewPassword {
        field: "NewPassword",
        current_field: Some("OldPassword"),
        policy: PasswordPolicy {
            // The page documents the classes only (its own example password
            // breaks them; the rule wins). Length is not documented.
            length: LengthRule {
                min: 3,
                max: None,
                max_some_versions: None,
            },
            classes: Some(ClassRule {
                at_least: 3,
                of: &[CharClass::Lower, CharClass::Upper, CharClass::Digit],
            }),
            alphabet: Alphabet {
                specials: Specials::Unrestricted,
                version_dependent: &[],
            },
            differ_from_current: Severity::Warning,
            generator: GeneratorSpec {
                min: 8,
                max: 32,
                default: 16,
                specials: "",
            },
        },
    },
    docs_url: "https://www.tencentcloud.com/document/product/1016/38694",
    rate_limit_per_second: Some(20),
    resource_fields: &["ClusterId"],
    user_field: None,
    old_password_expiry: Some(ExpirySpec {
        field: "OldPasswordExpireTime",
        format: DateTimeFormat::SpaceSeparated,
        // The page gives no zone; Tencent Cloud's APIs read local times as
        // China Standard Time.
        utc_offset: time::macros::offset!(+8),
        only_expiry: Some(("Mode", "2")),
    }),
};
