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
            advanced: false,
            id_syntax: Some(CLOUD_ID),
            absent_means: None,
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
            advanced: false,
            id_syntax: None,
            absent_means: None,
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
            advanced: false,
            id_syntax: None,
            absent_means: None,
        },
        Field {
            wire_name: "NewPassword",
            label: "New password",
            help: "Letters and digits only, with at least one lower-case letter, one upper-case letter and one digit.",
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
            advanced: false,
            id_syntax: None,
            absent_means: None,
        },
    ],
    region: RegionSpec {
        required: true,
        // Region travels in the X-TC-Region header of API 3.0.
        param: None,
        global_host: Some("tcaplusdb.tencentcloudapi.com"),
        regional_host: None,
        region_hosts: &[],
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
            // breaks them; the rule wins). No length is documented, so none
            // is checked (the three classes need three characters anyway).
            length: LengthRule {
                min: 0,
                max: None,
                max_some_versions: None,
            },
            classes: Some(ClassRule {
                at_least: 3,
                of: &[CharClass::Lower, CharClass::Upper, CharClass::Digit],
            }),
            // The SDK model (tencentcloud-sdk-python-tcaplusdb,
            // ModifyClusterPasswordRequest.NewPassword): "密码必须是a-zA-Z0-9的字符"
            // — letters and digits only.
            alphabet: Alphabet {
                specials: Specials::Only(""),
                not_first: "",
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
        zone_name: "Beijing time",
        only_expiry: Some(("Mode", "2")),
    }),
    login: Login::NotAvailable(NoLogin::NoPublicProtocol),
    answer: Answer::no_error(
        r#"{"Response":{"RequestId":"6ee4f2d4-0000-4000-8000-00000000aaaa"}}"#,
    ),
};
